using System.Collections.Immutable;
using System.Diagnostics;
using Staffing.Domain;

namespace Staffing.Allocation;

/// <summary>
/// The baseline: locks first, then water-filling (the next unit to the demand with the lowest coverage ratio,
/// ties to a post held now, then the contract's tie order) within every capacity, then S-PTSC, then itinerant
/// groups seeded in tie order with each seed's preferred partners.
/// </summary>
public sealed class GreedyAllocator : IAllocator
{
    public string Name => "greedy";

    private static readonly Resource[] WaterFilled =
        [Resource.PrimarySupport, Resource.SecondarySupport, Resource.CraItinerant, Resource.PsychopedagogueDays, Resource.PtscDays];

    public AllocatorResult Allocate(AllocationProblem problem, SolveSettings settings)
    {
        var watch = Stopwatch.StartNew();
        var alloc = new Dictionary<(string, Resource), int>();
        var remaining = problem.Capacities.ToDictionary(c => c, c => c.Amount);
        var fixedDemands = new HashSet<Demand>();
        foreach (var h in problem.Locks.Where(h => !h.Resource.IsItinerant()))
            if (problem.Find(h.Code, h.Resource) is { Funding: Funding.Pool } d)
            {
                alloc[(d.Code, d.Resource)] = h.Amount;
                fixedDemands.Add(d);
                foreach (var c in problem.CapacitiesOf(d)) remaining[c] -= h.Amount;
            }
        var open = problem.Demands.Where(d => d.Funding == Funding.Pool && !fixedDemands.Contains(d)).ToList();
        foreach (var r in WaterFilled)
            Fill(problem, open.Where(d => d.Resource == r).ToList(), alloc, remaining);
        var min = problem.Policy.SecondaryPtscMinSupport;
        Fill(problem, open.Where(d => d.Resource == Resource.SecondaryPtsc && alloc.GetValueOrDefault((d.Code, Resource.SecondarySupport)) >= min).ToList(), alloc, remaining);
        var groups = new List<ItinerantGroup>();
        foreach (var r in new[] { Resource.PrimaryItinerant, Resource.SecondaryItinerant })
            foreach (var area in problem.Scenario.Areas)
                groups.AddRange(Pair(problem, r, area, remaining));
        var decisions = new Decisions(alloc.Where(kv => kv.Value > 0).ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value, KeyComparer), [.. groups]);
        var score = PlanScore.Score(problem, decisions);
        return new AllocatorResult(decisions, false, new SolverInfo("greedy", typeof(GreedyAllocator).Assembly.GetName().Version?.ToString(3) ?? "1.0.0", "water-filling", 1, settings.Seed),
            PlanScore.Unbounded(score, watch.Elapsed.TotalSeconds));
    }

    public static readonly IComparer<(string Code, Resource Resource)> KeyComparer = Comparer<(string Code, Resource Resource)>.Create((a, b) =>
    {
        var c = string.CompareOrdinal(a.Code, b.Code);
        return c != 0 ? c : a.Resource.CompareTo(b.Resource);
    });

    /// <summary>Water-filling: a unit at a time to the lowest ratio allocated/entitled whose capacities all have room.</summary>
    private static void Fill(AllocationProblem problem, List<Demand> demands, Dictionary<(string, Resource), int> alloc, Dictionary<Capacity, int> remaining)
    {
        var loss = problem.Policy.MaxLossPerCentre;
        int Held(Demand d) => problem.Current(d.Code, d.Resource)?.Amount ?? 0;
        // max_loss_per_centre first: the units a centre may not lose.
        if (loss is { } n)
            foreach (var d in demands.OrderBy(d => d, Comparer<Demand>.Create(AllocationProblem.TieOrder)))
                for (var floor = Math.Min(d.Entitled, Held(d) - n); alloc.GetValueOrDefault((d.Code, d.Resource)) < floor && Room(problem, d, remaining);)
                    Take(problem, d, alloc, remaining);
        var queue = new PriorityQueue<Demand, Demand>(Comparer<Demand>.Create((a, b) =>
        {
            long x = alloc.GetValueOrDefault((a.Code, a.Resource)), y = alloc.GetValueOrDefault((b.Code, b.Resource));
            var c = (x * b.Entitled).CompareTo(y * a.Entitled);
            if (c != 0) return c;
            var keepA = Held(a) > x; var keepB = Held(b) > y;
            return keepA != keepB ? (keepA ? -1 : 1) : AllocationProblem.TieOrder(a, b);
        }));
        foreach (var d in demands)
            if (alloc.GetValueOrDefault((d.Code, d.Resource)) < d.Entitled) queue.Enqueue(d, d);
        while (queue.TryDequeue(out var d, out _))
        {
            if (!Room(problem, d, remaining)) continue;
            Take(problem, d, alloc, remaining);
            if (alloc[(d.Code, d.Resource)] < d.Entitled) queue.Enqueue(d, d);
        }
    }

    private static bool Room(AllocationProblem problem, Demand d, Dictionary<Capacity, int> remaining) =>
        problem.CapacitiesOf(d).All(c => remaining[c] >= 1);

    private static void Take(AllocationProblem problem, Demand d, Dictionary<(string, Resource), int> alloc, Dictionary<Capacity, int> remaining)
    {
        alloc[(d.Code, d.Resource)] = alloc.GetValueOrDefault((d.Code, d.Resource)) + 1;
        foreach (var c in problem.CapacitiesOf(d)) remaining[c]--;
    }

    /// <summary>Itinerant groups of one area and stage: locked pairs, then must-pair locks, then the rest, in tie order.</summary>
    private static IEnumerable<ItinerantGroup> Pair(AllocationProblem problem, Resource r, string area, Dictionary<Capacity, int> remaining)
    {
        var share = problem.Policy.ItinerantShare;
        var stage = r.StageOf();
        var eligible = problem.Demands.Where(d => d.Resource == r && d.Centre.Area == area).ToList();
        if (eligible.Count < share) yield break;
        var excluded = eligible.Where(d => problem.Lock(d.Code, r) is { Amount: 0, Partner: null }).Select(d => d.Code).ToHashSet();
        var forbidden = problem.Locks.Where(h => h.Resource == r && h.Amount == 0 && h.Partner is not null)
            .SelectMany(h => new[] { (h.Code, h.Partner!), (h.Partner!, h.Code) }).ToHashSet();
        var free = eligible.Where(d => !excluded.Contains(d.Code)).ToDictionary(d => d.Code, StringComparer.Ordinal);
        var caps = problem.CapacitiesOf(eligible[0]);
        var tie = Comparer<Demand>.Create(AllocationProblem.TieOrder);
        var seeds = eligible.Where(d => free.ContainsKey(d.Code))
            .OrderBy(d => problem.Lock(d.Code, r) is { Amount: 1, Partner: not null } ? 0 : problem.Lock(d.Code, r) is { Amount: 1 } ? 1 : 2)
            .ThenBy(d => d, tie).ToList();
        foreach (var seed in seeds)
        {
            if (!free.ContainsKey(seed.Code) || caps.Any(c => remaining[c] < share)) continue;
            free.Remove(seed.Code);
            var members = new List<Demand> { seed };
            if (problem.Lock(seed.Code, r) is { Amount: 1, Partner: { } locked } && free.Remove(locked, out var lp)) members.Add(lp);
            var partners = free.Values
                .Where(o => !forbidden.Contains((seed.Code, o.Code)) && members.All(m => !forbidden.Contains((m.Code, o.Code))))
                .OrderBy(o => problem.Lock(o.Code, r) is { Amount: 1, Partner: var lpo } && (lpo is null || lpo == seed.Code) ? 0 : 1)
                .ThenBy(o => Itinerants.PairCost(seed.Centre, o.Centre, stage))
                .ThenBy(o => o, tie)
                .Take(share - members.Count).ToList();
            members.AddRange(partners);
            if (members.Count < share)
            {
                foreach (var m in members) free[m.Code] = m;
                free.Remove(seed.Code);
                continue;
            }
            foreach (var m in partners) free.Remove(m.Code);
            foreach (var c in caps) remaining[c] -= share;
            yield return new ItinerantGroup(area, stage, [.. members.Select(m => m.Code).Order(StringComparer.Ordinal)]);
        }
    }
}
