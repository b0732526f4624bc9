using System.Collections.Immutable;
using Staffing.Domain;

namespace Staffing.Allocation;

/// <summary>
/// The lexicographic levels, as numbers any allocator's decisions can be scored by, so CP-SAT and greedy are
/// compared on the same scale: coverage (max), fairness (max), S-PTSC (max), continuity (min), pair cost (min).
/// </summary>
public static class PlanScore
{
    public const long UnitScale = 1_000_000;

    public static readonly string[] LevelNames = ["coverage", "fairness", "secondary_ptsc", "continuity", "itinerant_ties", "pairs", "tie_break"];

    public static readonly bool[] Maximize = [true, true, true, false, true, false, true];

    /// <summary>
    /// A unit's value depends only on the coverage ratio it starts from and falls strictly as it rises:
    /// scale × (1 − start ratio), with the scale the lcm of every entitlement so the values are exact.
    /// </summary>
    public static long UnitValue(long scale, int startUnits, int entitled) => scale * (entitled - startUnits) / entitled;

    public static long FairnessScale(AllocationProblem problem)
    {
        var max = problem.Demands.Where(InFairness).Select(d => d.Entitled).DefaultIfEmpty(1).Max();
        long lcm = 1;
        for (var k = 2; k <= max; k++)
        {
            lcm = lcm / Gcd(lcm, k) * k;
            if (lcm > UnitScale) return (long)max * max; // still strictly decreasing: ratios differ by ≥ 1/max²
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
            for (var i = 0; i < ranked.Count; i++) weights[ranked[i]] = ranked.Count - i;
        }
        return weights;
    }

    public static bool InCoverage(Demand d) => d.Funding == Funding.Pool && d.Resource != Resource.SecondaryPtsc;

    public static bool InFairness(Demand d) => InCoverage(d) && !d.Resource.IsItinerant();

    public static long[] Score(AllocationProblem problem, Decisions d)
    {
        var paired = d.Groups.SelectMany(g => g.Codes.Select(c => (c, g.Stage))).ToHashSet();
        int Alloc(Demand x) => x.Resource.IsItinerant() ? (paired.Contains((x.Code, x.Resource.StageOf())) ? 1 : 0) : d.Of(x.Code, x.Resource);
        long coverage = 0, fairness = 0, reach = 0, ptsc = 0, lost = 0, pairs = 0, tie = 0, served = 0;
        var scale = FairnessScale(problem);
        var weights = TieWeights(problem);
        foreach (var x in problem.Demands.Where(x => x.Funding == Funding.Pool))
        {
            var a = Alloc(x);
            if (InCoverage(x)) coverage += a;
            if (InFairness(x))
                for (var k = 0; k < a; k++) fairness += UnitValue(scale, k, x.Entitled);
            if (x.Resource.IsItinerant()) served += a * weights[x];
            else tie += a * weights[x];
            if (x.Resource == Resource.SecondaryPtsc)
            {
                if (d.Of(x.Code, Resource.SecondarySupport) >= problem.Policy.SecondaryPtscMinSupport) reach++;
                ptsc += a;
            }
        }
        lost = Continuity(problem, d, Alloc);
        foreach (var g in d.Groups)
            pairs += GroupCost(problem, g);
        return [coverage, fairness, reach * UnitScale + ptsc, lost, served, pairs, tie];
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

    /// <summary>Posts and days held now and lost in the plan, plus current itinerant pairs the plan breaks.</summary>
    private static long Continuity(AllocationProblem problem, Decisions d, Func<Demand, int> alloc)
    {
        long lost = 0;
        var together = new HashSet<(string, string, Stage)>();
        foreach (var g in d.Groups)
            foreach (var a in g.Codes)
                foreach (var b in g.Codes)
                    together.Add((a, b, g.Stage));
        foreach (var h in problem.Scenario.Current ?? [])
        {
            if (h.Resource.IsItinerant()) continue;
            var demand = problem.Find(h.Code, h.Resource);
            var now = demand is null ? 0 : demand.Funding == Funding.Pool ? alloc(demand) : demand.Entitled;
            lost += Math.Max(0, h.Amount - now);
        }
        foreach (var (a, b, stage) in CurrentPairs(problem))
            if (!together.Contains((a, b, stage))) lost++;
        return lost;
    }

    /// <summary>This year's itinerant pairs from current.csv, each once (lower code first).</summary>
    public static IEnumerable<(string A, string B, Stage Stage)> CurrentPairs(AllocationProblem problem) =>
        (problem.Scenario.Current ?? [])
            .Where(h => h.Resource.IsItinerant() && h.Partner is not null)
            .Select(h => string.CompareOrdinal(h.Code, h.Partner) < 0 ? (h.Code, h.Partner!, h.Resource.StageOf()) : (h.Partner!, h.Code, h.Resource.StageOf()))
            .Distinct().OrderBy(t => t.Item1, StringComparer.Ordinal).ThenBy(t => t.Item2, StringComparer.Ordinal);

    public static ImmutableArray<LevelResult> Unbounded(long[] score, double seconds) =>
        [.. LevelNames.Select((n, i) => new LevelResult(n, score[i], null, null, i == 0 ? seconds : 0))];
}
