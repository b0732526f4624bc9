using System.Collections.Immutable;
using Staffing.Domain;

namespace Staffing.Allocation;

/// <summary>
/// The terms the levels are made of, as numbers any allocator's decisions can be scored by, so CP-SAT and greedy
/// are compared on the same scale. The levels themselves, in order, are <see cref="Levels.All"/>.
/// </summary>
public static class PlanScore
{
    public const long UnitScale = 1_000_000;

    /// <summary>
    /// A unit's value depends only on the coverage ratio it starts from and falls strictly as it rises:
    /// scale × (1 − start ratio), with the scale the lcm of every entitlement so the values are exact.
    /// </summary>
    public static long UnitValue(long scale, int startUnits, int entitled) =>
        scale * (entitled - startUnits) / entitled;

    public static long FairnessScale(AllocationProblem problem)
    {
        var max = problem.Demands.Where(InFairness).Select(d => d.Entitled).DefaultIfEmpty(1).Max();
        long lcm = 1;
        for (var k = 2; k <= max; k++)
        {
            lcm = lcm / Gcd(lcm, k) * k;
            if (lcm > UnitScale)
                return (long)max * max; // still strictly decreasing: ratios differ by ≥ 1/max²
        }
        return lcm;
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    /// <summary>
    /// The contract's tie order as a weight: within each resource, demands ranked by more compensatory pupils,
    /// then the lower code; the first of n weighs n, the last 1.
    /// </summary>
    public static Dictionary<Demand, long> TieWeights(AllocationProblem problem)
    {
        var weights = new Dictionary<Demand, long>();
        foreach (var byResource in problem.Demands.GroupBy(d => d.Resource))
        {
            var ranked = byResource.Order(Comparer<Demand>.Create(AllocationProblem.TieOrder)).ToList();
            for (var i = 0; i < ranked.Count; i++)
                weights[ranked[i]] = ranked.Count - i;
        }
        return weights;
    }

    public static bool InCoverage(Demand d) => d.Funding == Funding.Pool && d.Resource != Resource.SecondaryPtsc;

    public static bool InFairness(Demand d) => InCoverage(d) && !d.Resource.IsItinerant();

    /// <summary>Every level's value for the decisions, in the order of <see cref="Levels.All"/>.</summary>
    public static long[] Score(AllocationProblem problem, Decisions d, Decisions? parent = null)
    {
        var scoring = new Scoring(problem, d, FairnessScale(problem), TieWeights(problem), parent);
        return [.. Levels.All.Select(l => l.Score(scoring))];
    }

    public static long GroupCost(AllocationProblem problem, ItinerantGroup g)
    {
        long cost = 0;
        var cs = g.Codes.Select(c => problem.Scenario.Find(c)!).ToList();
        for (var i = 0; i < cs.Count; i++)
        for (var j = i + 1; j < cs.Count; j++)
            cost += Itinerants.PairCost(cs[i], cs[j], g.Stage);
        return cost;
    }

    /// <summary>This year's itinerant pairs from current.csv, each once (lower code first).</summary>
    public static ImmutableArray<LevelResult> Unbounded(long[] score, double seconds) =>
        [.. Levels.All.Select((l, i) => new LevelResult(l.Name, score[i], null, null, i == 0 ? seconds : 0))];
}

/// <summary>One set of decisions with what scoring it needs: the levels' score functions read this.</summary>
public sealed class Scoring(
    AllocationProblem problem,
    Decisions decisions,
    long scale,
    Dictionary<Demand, long> weights,
    Decisions? parent = null
)
{
    /// <summary>
    /// Against the parent run (a re-plan): units allocated differently, shares given or taken, and the parent's
    /// pairs no longer together. 0 without a parent.
    /// </summary>
    public long Changed()
    {
        if (parent is null)
            return 0;
        long changed = 0;
        foreach (var d in Pooled)
            changed += d.Resource.IsItinerant()
                ? Math.Abs(Allocated(d) - (parent.Grouped(d.Code, d.Resource.StageOf()) ? 1 : 0))
                : Math.Abs(Allocated(d) - Math.Min(d.Entitled, parent.Of(d.Code, d.Resource)));
        var now = Pairs(Decisions);
        changed += Pairs(parent).Count(p => !now.Contains(p));
        return changed;
    }

    /// <summary>Every two centres a teacher serves together, lower code first.</summary>
    private static HashSet<(string, string, Stage)> Pairs(Decisions d) =>
    [
        .. d.Groups.SelectMany(g =>
            g.Codes.SelectMany(a => g.Codes.Where(b => string.CompareOrdinal(a, b) < 0).Select(b => (a, b, g.Stage)))
        ),
    ];

    public AllocationProblem Problem { get; } = problem;

    public Decisions Decisions { get; } = decisions;

    public long Scale { get; } = scale;

    public Dictionary<Demand, long> Weights { get; } = weights;

    /// <summary>The pool-funded demands, the ones the levels weigh.</summary>
    public IEnumerable<Demand> Pooled => Problem.Demands.Where(x => x.Funding == Funding.Pool);

    public int Allocated(Demand d) => Decisions.Amount(d);

    /// <summary>Posts and days held now and lost in the plan, plus current itinerant pairs the plan breaks.</summary>
    public long Lost()
    {
        long lost = 0;
        var together = new HashSet<(string, string, Stage)>();
        foreach (var g in Decisions.Groups)
        foreach (var a in g.Codes)
        foreach (var b in g.Codes)
            together.Add((a, b, g.Stage));
        foreach (var h in Problem.Scenario.Current ?? [])
        {
            if (h.Resource.IsItinerant())
                continue;
            var demand = Problem.Find(h.Code, h.Resource);
            lost += Math.Max(0, h.Amount - (demand is null ? 0 : Allocated(demand)));
        }
        foreach (var (a, b, stage) in Problem.CurrentPairs)
            if (!together.Contains((a, b, stage)))
                lost++;
        return lost;
    }

    /// <summary>S-PTSC's level: institutes reaching the support posts it needs (× 10⁶), then PTSC posts.</summary>
    public long SecondaryPtsc()
    {
        long reach = 0,
            ptsc = 0;
        foreach (var x in Pooled.Where(x => x.Resource == Resource.SecondaryPtsc))
        {
            if (Decisions.Of(x.Code, Resource.SecondarySupport) >= Problem.Policy.SecondaryPtscMinSupport)
                reach++;
            ptsc += Allocated(x);
        }
        return reach * PlanScore.UnitScale + ptsc;
    }

    public long Fairness()
    {
        long fairness = 0;
        foreach (var x in Pooled.Where(PlanScore.InFairness))
            for (var k = 0; k < Allocated(x); k++)
                fairness += PlanScore.UnitValue(Scale, k, x.Entitled);
        return fairness;
    }
}
