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
    [
        Resource.PrimarySupport,
        Resource.SecondarySupport,
        Resource.CraItinerant,
        Resource.PsychopedagogueDays,
        Resource.PtscDays,
    ];

    public AllocatorResult Allocate(AllocationProblem problem, SolveSettings settings)
    {
        var watch = Stopwatch.StartNew();
        var decisions = Decide(problem, settings);
        if (settings.TotalsOnly)
            return new AllocatorResult(
                decisions,
                false,
                new SolverInfo("greedy", "", "totals only", 1, settings.Seed),
                []
            );
        var score = PlanScore.Score(problem, decisions, settings.Parent);
        return new AllocatorResult(
            decisions,
            false,
            new SolverInfo(
                "greedy",
                typeof(GreedyAllocator).Assembly.GetName().Version?.ToString(3) ?? "1.0.0",
                "water-filling",
                1,
                settings.Seed
            ),
            [
                .. Levels.Reported(
                    PlanScore.Unbounded(score, watch.Elapsed.TotalSeconds),
                    l => l.Name,
                    settings.Parent is not null
                ),
            ]
        );
    }

    /// <summary>The greedy decisions alone, unscored: the plan's, or the optimizer's start.</summary>
    [System.Runtime.CompilerServices.MethodImpl(
        System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization
    )]
    public static Decisions Decide(AllocationProblem problem, SolveSettings settings)
    {
        var alloc = new Dictionary<(string, Resource), int>();
        var remaining = problem.Capacities.ToDictionary(c => c, c => c.Amount);
        var fixedDemands = new HashSet<Demand>();
        foreach (var h in problem.Locks.Where(h => !h.Resource.IsItinerant()))
            if (problem.Find(h.Code, h.Resource) is { Funding: Funding.Pool } d)
            {
                alloc[(d.Code, d.Resource)] = h.Amount;
                fixedDemands.Add(d);
                foreach (var c in problem.CapacitiesOf(d))
                    remaining[c] -= h.Amount;
            }
        var open = problem.Demands.Where(d => d.Funding == Funding.Pool && !fixedDemands.Contains(d)).ToList();
        foreach (var r in WaterFilled)
            Fill(problem, open.Where(d => d.Resource == r).ToList(), alloc, remaining);
        var min = problem.Policy.SecondaryPtscMinSupport;
        Fill(
            problem,
            open.Where(d =>
                    d.Resource == Resource.SecondaryPtsc
                    && alloc.GetValueOrDefault((d.Code, Resource.SecondarySupport)) >= min
                )
                .ToList(),
            alloc,
            remaining
        );
        // Without itinerant locks any grouping of the centres served serves them all: for totals, who with whom is moot.
        var countOnly = settings.TotalsOnly && !problem.Locks.Any(h => h.Resource.IsItinerant());
        var groups = new List<ItinerantGroup>();
        var eligible = problem.Demands.Where(d => d.Resource.IsItinerant()).ToLookup(d => (d.Resource, d.Centre.Area));
        foreach (var r in new[] { Resource.PrimaryItinerant, Resource.SecondaryItinerant })
        foreach (var area in problem.Scenario.Areas)
            groups.AddRange(Group(problem, r, area, [.. eligible[(r, area)]], remaining, countOnly));
        return new Decisions(
            alloc.Where(kv => kv.Value > 0).ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value, KeyComparer),
            [.. groups]
        );
    }

    public static readonly IComparer<(string Code, Resource Resource)> KeyComparer = Comparer<(
        string Code,
        Resource Resource
    )>.Create(
        (a, b) =>
        {
            var c = string.CompareOrdinal(a.Code, b.Code);
            return c != 0 ? c : a.Resource.CompareTo(b.Resource);
        }
    );

    /// <summary>Water-filling: a unit at a time to the lowest ratio allocated/entitled whose capacities all have room.</summary>
    [System.Runtime.CompilerServices.MethodImpl(
        System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization
    )]
    private static void Fill(
        AllocationProblem problem,
        List<Demand> demands,
        Dictionary<(string, Resource), int> alloc,
        Dictionary<Capacity, int> remaining
    )
    {
        var n = demands.Count;
        var given = new int[n];
        var held = new int[n];
        for (var i = 0; i < n; i++)
        {
            given[i] = alloc.GetValueOrDefault((demands[i].Code, demands[i].Resource));
            held[i] = problem.Current(demands[i].Code, demands[i].Resource)?.Amount ?? 0;
        }
        // Each demand's place in the tie order, ranked once: the queue compares ties millions of times at 28,000
        // centres. The demands of one fill share a resource, so the order (pupils, then code) is total.
        var rank = new int[n];
        var byTie = Enumerable.Range(0, n).ToArray();
        Array.Sort(byTie, (a, b) => AllocationProblem.TieOrder(demands[a], demands[b]));
        for (var k = 0; k < n; k++)
            rank[byTie[k]] = k;
        // max_loss_per_centre first: the units a centre may not lose.
        if (problem.Policy.MaxLossPerCentre is { } loss)
            foreach (var i in byTie)
                for (
                    var floor = Math.Min(demands[i].Entitled, held[i] - loss);
                    given[i] < floor && Room(problem, demands[i], remaining);

                )
                    Take(problem, demands[i], ref given[i], remaining);
        var queue = new PriorityQueue<int, int>(
            Comparer<int>.Create(
                (a, b) =>
                {
                    var c = ((long)given[a] * demands[b].Entitled).CompareTo((long)given[b] * demands[a].Entitled);
                    if (c != 0)
                        return c;
                    bool keepA = held[a] > given[a],
                        keepB = held[b] > given[b];
                    return keepA != keepB ? (keepA ? -1 : 1) : rank[a].CompareTo(rank[b]);
                }
            )
        );
        for (var i = 0; i < n; i++)
            if (given[i] < demands[i].Entitled)
                queue.Enqueue(i, i);
        while (queue.TryDequeue(out var i, out _))
        {
            if (!Room(problem, demands[i], remaining))
                continue;
            Take(problem, demands[i], ref given[i], remaining);
            if (given[i] < demands[i].Entitled)
                queue.Enqueue(i, i);
        }
        for (var i = 0; i < n; i++)
            if (given[i] > 0)
                alloc[(demands[i].Code, demands[i].Resource)] = given[i];
    }

    private static bool Room(AllocationProblem problem, Demand d, Dictionary<Capacity, int> remaining)
    {
        foreach (var c in problem.CapacitiesOf(d))
            if (remaining[c] < 1)
                return false;
        return true;
    }

    private static void Take(AllocationProblem problem, Demand d, ref int given, Dictionary<Capacity, int> remaining)
    {
        given++;
        foreach (var c in problem.CapacitiesOf(d))
            remaining[c]--;
    }

    /// <summary>
    /// Two-opt on the pairs of one area and stage: swap partners between two pairs while that lowers their summed
    /// pair cost, locked centres left where they are. The same centres stay paired; only who with whom changes.
    /// </summary>
    private static List<ItinerantGroup> Improve(AllocationProblem problem, List<ItinerantGroup> groups)
    {
        if (problem.Policy.ItinerantShare != 2 || groups.Count < 2)
            return groups;
        var res = groups[0].Stage == Stage.Primary ? Resource.PrimaryItinerant : Resource.SecondaryItinerant;
        var stage = groups[0].Stage;
        // Centres by index, with their pair costs memoised: the two-opt asks for the same costs pass after pass.
        var centres = groups.SelectMany(g => g.Codes).Select(c => problem.Scenario.Find(c)!).ToArray();
        var n = centres.Length;
        var at = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var k = 0; k < n; k++)
            at[centres[k].Code] = k;
        var fixedAt = centres.Select(c => problem.Lock(c.Code, res) is { Amount: 1, Partner: not null }).ToArray();
        long Direct(int a, int b) =>
            Itinerants.Forbidden(problem, res, centres[a].Code, centres[b].Code)
                ? long.MaxValue / 4
                : Itinerants.PairCost(centres[a], centres[b], stage);
        // At most 4,096² costs kept (128 MiB); a larger area is costed as it goes.
        var memo = n <= 4096 ? new long[n * n] : null;
        if (memo is not null)
            Array.Fill(memo, -1);
        long Cost(int a, int b)
        {
            if (memo is null)
                return Direct(a, b);
            ref var m = ref memo[a * n + b];
            if (m < 0)
                m = memo[b * n + a] = Direct(a, b);
            return m;
        }
        var pairs = groups.Select(g => (A: at[g.Codes[0]], B: at[g.Codes[1]])).ToList();
        for (var pass = 0; pass < 20; pass++)
        {
            var improved = false;
            for (var i = 0; i < pairs.Count; i++)
            for (var j = i + 1; j < pairs.Count; j++)
            {
                var (a, b) = pairs[i];
                var (c, d) = pairs[j];
                if (fixedAt[a] || fixedAt[b] || fixedAt[c] || fixedAt[d])
                    continue;
                var now = Cost(a, b) + Cost(c, d);
                if (Cost(a, c) + Cost(b, d) < now)
                {
                    pairs[i] = (a, c);
                    pairs[j] = (b, d);
                    improved = true;
                }
                else if (Cost(a, d) + Cost(b, c) < now)
                {
                    pairs[i] = (a, d);
                    pairs[j] = (b, c);
                    improved = true;
                }
            }
            if (!improved)
                break;
        }
        return
        [
            .. pairs.Select(p => new ItinerantGroup(
                groups[0].Area,
                stage,
                [.. new[] { centres[p.A].Code, centres[p.B].Code }.Order(StringComparer.Ordinal)]
            )),
        ];
    }

    /// <summary>
    /// Itinerant groups of one area and stage: who is served by the tie order (locked first) up to what the
    /// teachers left can serve; groups of a share formed among them (locked pairs, then must-pair locks, then the
    /// rest, each seed with its preferred partners), improved by two-opt; then the odd centres attached.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(
        System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization
    )]
    private static List<ItinerantGroup> Group(
        AllocationProblem problem,
        Resource r,
        string area,
        List<Demand> eligible,
        Dictionary<Capacity, int> remaining,
        bool countOnly
    )
    {
        var p = problem.Policy;
        var share = p.ItinerantShare;
        var stage = r.StageOf();
        if (eligible.Count == 0)
            return [];
        var caps = problem.CapacitiesOf(eligible[0]);
        var tie = Comparer<Demand>.Create(AllocationProblem.TieOrder);
        var seeds = eligible
            .Where(d => problem.Lock(d.Code, r) is not { Amount: 0, Partner: null })
            .OrderBy(d =>
                problem.Lock(d.Code, r) is { Amount: 1, Partner: not null } ? 0
                : problem.Lock(d.Code, r) is { Amount: 1 } ? 1
                : 2
            )
            .ThenBy(d => d, tie)
            .ToList();
        var teachers = caps.Select(c => remaining[c]).DefaultIfEmpty(int.MaxValue).Min();
        var served = seeds.Take(Itinerants.MaxServed(teachers, p)).ToList();
        var free = served.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var groups = new List<ItinerantGroup>();
        if (countOnly)
        {
            // Consecutive centres in tie order: as many groups, and as many centres served, as the pair search makes.
            for (var i = 0; i + share <= served.Count; i += share)
            {
                var members = served.GetRange(i, share);
                groups.Add(
                    new ItinerantGroup(area, stage, [.. members.Select(m => m.Code).Order(StringComparer.Ordinal)])
                );
                foreach (var m in members)
                    free.Remove(m.Code);
            }
            served = [];
        }
        foreach (var seed in served)
        {
            if (!free.ContainsKey(seed.Code) || free.Count < share)
                continue;
            free.Remove(seed.Code);
            var members = new List<Demand> { seed };
            if (problem.Lock(seed.Code, r) is { Amount: 1, Partner: { } locked } && free.Remove(locked, out var lp))
                members.Add(lp);
            var partners = free
                .Values.Where(o => members.All(m => !Itinerants.Forbidden(problem, r, m.Code, o.Code)))
                .OrderBy(o =>
                    problem.Lock(o.Code, r) is { Amount: 1, Partner: var lpo } && (lpo is null || lpo == seed.Code)
                        ? 0
                        : 1
                )
                .ThenBy(o => Itinerants.PairCost(seed.Centre, o.Centre, stage))
                .ThenBy(o => o, tie)
                .Take(share - members.Count)
                .ToList();
            members.AddRange(partners);
            if (members.Count < share)
            {
                foreach (var m in members.Skip(1))
                    free[m.Code] = m;
                free[seed.Code] = seed;
                continue;
            }
            foreach (var m in partners)
                free.Remove(m.Code);
            groups.Add(new ItinerantGroup(area, stage, [.. members.Select(m => m.Code).Order(StringComparer.Ordinal)]));
        }
        var all = Itinerants.Attach(problem, r, area, countOnly ? groups : Improve(problem, groups), free.Values);
        // Within the teachers left: the count served was chosen so, unless locks forbid the groups it assumed.
        var kept = all.Take(Math.Min(all.Count, teachers)).ToList();
        foreach (var c in caps)
            remaining[c] -= kept.Count;
        return kept;
    }
}
