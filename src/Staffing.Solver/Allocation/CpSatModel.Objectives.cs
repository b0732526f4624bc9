using Google.OrTools.Sat;
using Staffing.Domain;
using Staffing.Rules;

namespace Staffing.Allocation;

// The levels' objectives (Levels.cs orders them) and when a level is settled.
public sealed partial class ComponentModel
{
    private void BuildObjectives()
    {
        var coverage = LinearExpr.NewBuilder();
        var fairness = LinearExpr.NewBuilder();
        var ptsc = LinearExpr.NewBuilder();
        var continuity = LinearExpr.NewBuilder();
        var pairCost = LinearExpr.NewBuilder();
        var tie = LinearExpr.NewBuilder();
        var served = LinearExpr.NewBuilder();
        bool hasFair = false,
            hasPtsc = false,
            hasContinuity = false;
        var min = problem.Policy.SecondaryPtscMinSupport;
        foreach (var d in demands)
        {
            var w = weights[d];
            if (d.Resource.IsItinerant())
            {
                coverage.Add(paired[d]);
                served.AddTerm(paired[d], w);
                continue;
            }
            var y = units[d];
            if (PlanScore.InCoverage(d))
                coverage.AddSum(y);
            if (PlanScore.InFairness(d))
                for (var k = 0; k < y.Length; k++)
                {
                    fairness.AddTerm(y[k], PlanScore.UnitValue(scale, k, d.Entitled));
                    hasFair = true;
                }
            if (d.Resource == Resource.SecondaryPtsc)
            {
                hasPtsc = true;
                ptsc.Add(y[0]);
                if (
                    problem.Find(d.Code, Resource.SecondarySupport) is { } s
                    && units.TryGetValue(s, out var sy)
                    && sy.Length >= min
                )
                    ptsc.AddTerm(sy[min - 1], PlanScore.UnitScale);
            }
            tie.AddWeightedSum(y, Enumerable.Repeat(w, y.Length));
            var held = problem.Current(d.Code, d.Resource)?.Amount ?? 0;
            for (var k = 0; k < Math.Min(held, y.Length); k++)
            {
                continuity.Add(1);
                continuity.AddTerm(y[k], -1);
                hasContinuity = true;
            }
        }
        var currentPairs = problem.CurrentPairs.ToHashSet();
        foreach (var (a, b, x) in pairs)
        {
            pairCost.AddTerm(x, Itinerants.PairCost(a.Centre, b.Centre, a.Resource.StageOf()));
            var key =
                string.CompareOrdinal(a.Code, b.Code) < 0
                    ? (a.Code, b.Code, a.Resource.StageOf())
                    : (b.Code, a.Code, a.Resource.StageOf());
            if (currentPairs.Contains(key))
            {
                continuity.Add(1);
                continuity.AddTerm(x, -1);
                hasContinuity = true;
            }
        }
        foreach (var (d, e) in odd)
            pairCost.AddTerm(e, NearestCost(d));
        Stability = StabilityObjective();
        Coverage = new(coverage, false);
        Fairness = new(fairness, !hasFair);
        SecondaryPtsc = new(ptsc, !hasPtsc);
        Continuity = new(continuity, !hasContinuity);
        Served = new(served, paired.Count == 0);
        PairCost = new(pairCost, pairs.Count == 0);
        TieBreak = new(tie, units.Count == 0);
    }

    /// <summary>
    /// Changes against the parent run, as <see cref="Scoring.Changed"/> counts them: each unit allocated otherwise
    /// (the units are a prefix, so k below the parent's amount counts 1 − y, above it y), each share given or taken,
    /// each of the parent's pairs the model can form and does not.
    /// </summary>
    private LevelObjective StabilityObjective()
    {
        if (parent is null)
            return new(LinearExpr.NewBuilder(), true);
        var changed = LinearExpr.NewBuilder();
        foreach (var d in demands.Where(d => d.Funding == Funding.Pool))
        {
            if (d.Resource.IsItinerant())
            {
                if (parent.Grouped(d.Code, d.Resource.StageOf()))
                {
                    changed.Add(1);
                    changed.AddTerm(paired[d], -1);
                }
                else
                    changed.Add(paired[d]);
                continue;
            }
            var y = units[d];
            var before = Math.Min(y.Length, parent.Of(d.Code, d.Resource));
            for (var k = 0; k < y.Length; k++)
                if (k < before)
                {
                    changed.Add(1);
                    changed.AddTerm(y[k], -1);
                }
                else
                    changed.Add(y[k]);
        }
        var together = parent
            .Groups.SelectMany(g => g.Codes.SelectMany(a => g.Codes.Where(b => a != b).Select(b => (a, b, g.Stage))))
            .ToHashSet();
        foreach (var (a, b, x) in pairs)
            if (together.Contains((a.Code, b.Code, a.Resource.StageOf())))
            {
                changed.Add(1);
                changed.AddTerm(x, -1);
            }
        return new(changed, false);
    }

    /// <summary>
    /// Coverage proven without a solve when the greedy plan reaches its upper bound: every demand in full, or a full
    /// capacity plus everything outside it; itinerant shares come in whole groups.
    /// </summary>
    public bool CoverageSettled()
    {
        var reached = demands
            .Where(PlanScore.InCoverage)
            .Sum(d =>
                d.Resource.IsItinerant()
                    ? (hint.Grouped(d.Code, d.Resource.StageOf()) ? 1 : 0)
                    : hint.Of(d.Code, d.Resource)
            );
        long Full(Demand d) =>
            problem.Lock(d.Code, d.Resource) is { } lk ? Math.Min(lk.Amount, d.Entitled) : d.Entitled;
        var counted = demands.Where(PlanScore.InCoverage).ToList();
        var shares = counted.Count(d => d.Resource.IsItinerant() && Full(d) > 0);
        long bound = counted.Where(d => !d.Resource.IsItinerant()).Sum(Full) + shares;
        foreach (var cap in counted.SelectMany(d => problem.CapacitiesOf(d)).Distinct())
            bound = Math.Min(bound, Units(cap) + counted.Where(d => !problem.CapacitiesOf(d).Contains(cap)).Sum(Full));
        if (reached != bound)
            return false;
        Name(Model.Add(Coverage.Expression >= reached), $"level coverage kept at {reached} (the bound)");
        return true;
    }

    /// <summary>
    /// The tie level settled when the solution so far (greedy's, or the last level's) already serves the heaviest
    /// centres up to what each area's teachers and whole groups allow, locked ones first; kept share by share.
    /// Not where a region-wide (*) pool couples areas.
    /// </summary>
    public bool TiesSettled(CpSolver? last)
    {
        long bound = 0;
        foreach (var g in paired.Keys.GroupBy(d => (d.Centre.Area, d.Resource)))
        {
            var caps = problem.CapacitiesOf(g.First());
            if (caps.Any(c => c.Pool?.Area == PoolRow.AllAreas))
                return false;
            var open = g.Where(d => problem.Lock(d.Code, d.Resource) is not { Amount: 0, Partner: null }).ToList();
            var k = (int)Math.Min(open.Count, caps.Select(Units).DefaultIfEmpty(long.MaxValue).Min());
            bound += open.OrderByDescending(d => problem.Lock(d.Code, d.Resource) is { Amount: 1 } ? 1 : 0)
                .ThenByDescending(d => weights[d])
                .Take(k)
                .Sum(d => weights[d]);
        }
        bool Has(Demand d) => last is null ? hint.Grouped(d.Code, d.Resource.StageOf()) : last.Value(paired[d]) > 0;
        if (paired.Keys.Where(Has).Sum(d => weights[d]) != bound)
            return false;
        foreach (var (d, sum) in paired)
            Name(
                Model.Add(sum == (Has(d) ? 1 : 0)),
                $"level itinerant_ties: {d.Code} {(Has(d) ? "has" : "has no")} {d.Resource.Name()} share (the bound)"
            );
        return true;
    }
}
