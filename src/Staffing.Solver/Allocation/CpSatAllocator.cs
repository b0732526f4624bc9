using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;
using Staffing.Domain;
using Staffing.Rules;

namespace Staffing.Allocation;

/// <summary>
/// The optimizer: the problem split into independent components (demands linked by a capacity, an S-PTSC
/// coupling or an itinerant area and stage), each a CP-SAT model solved level by level (coverage, fairness,
/// S-PTSC, continuity, pair cost, tie-break), each level's optimum fixed before the next, hinted with the
/// greedy plan and then with the previous level's solution. One worker per model, models in parallel.
/// </summary>
public sealed class CpSatAllocator : IAllocator
{
    public string Name => "cp-sat";

    /// <summary>Nearest partners per eligible centre offered to the pairing model (plus greedy's, this year's and locked pairs).</summary>
    public const int PairCandidates = 5;

    /// <summary>
    /// Presolve off: with many interchangeable post units presolve spends seconds adding domination implications
    /// in front of a sub-second search (measured here, see benchmarks/README.md).
    /// </summary>
    public const string Parameters = "cp_model_presolve:false,";

    public static string Version => typeof(CpModel).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "unknown";

    /// <summary>
    /// Solver "workers" is CP-SAT's num_workers, 1 for every model; --workers only solves components side by side,
    /// so it leaves the output, summary.json included, byte-identical.
    /// </summary>
    public AllocatorResult Allocate(AllocationProblem problem, SolveSettings settings)
    {
        var greedy = new GreedyAllocator().Allocate(problem, settings);
        var components = Components(problem);
        var deadline = Stopwatch.StartNew();
        var results = new ConcurrentDictionary<int, ComponentResult>();
        var scale = PlanScore.FairnessScale(problem);
        var weights = PlanScore.TieWeights(problem);
        // Largest first, one at a time off the queue, so the big components do not end up together on one core.
        var order = Enumerable.Range(0, components.Count).OrderByDescending(i => Weight(components[i])).ToList();
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(order, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = settings.Workers }, i =>
        {
            var remaining = Math.Max(0.05, settings.TimeLimitSeconds - deadline.Elapsed.TotalSeconds);
            results[i] = new ComponentSolver(problem, components[i], greedy.Decisions, scale, weights, settings, remaining).Solve();
            if (components[i].Count > 2000) settings.Progress?.Report($"cp-sat: component {i + 1} of {components.Count} ({components[i].Count} demands) solved");
        });

        var alloc = new Dictionary<(string, Resource), int>();
        var groups = new List<ItinerantGroup>();
        foreach (var r in results.OrderBy(kv => kv.Key).Select(kv => kv.Value))
        {
            foreach (var (k, v) in r.Allocated) if (v > 0) alloc[k] = v;
            groups.AddRange(r.Groups);
        }
        var decisions = new Decisions(alloc.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value, GreedyAllocator.KeyComparer),
            [.. groups.OrderBy(g => g.Area, StringComparer.Ordinal).ThenBy(g => g.Stage).ThenBy(g => g.Codes[0], StringComparer.Ordinal)]);
        var score = PlanScore.Score(problem, decisions);
        var levels = PlanScore.LevelNames.Select((name, l) =>
        {
            var slack = results.Values.Sum(r => r.Slack[l]);
            var bound = PlanScore.Maximize[l] ? score[l] + slack : score[l] - slack;
            var gap = score[l] == bound ? 0.0 : Math.Abs(bound - score[l]) / Math.Max(1.0, Math.Abs(bound));
            return new LevelResult(name, score[l], bound, gap, results.Values.Sum(r => r.Seconds[l]));
        }).ToImmutableArray();
        var parameters = $"num_workers:1,random_seed:{settings.Seed},{Parameters}max_time_in_seconds:{settings.TimeLimitSeconds.ToString(CultureInfo.InvariantCulture)},components:{components.Count},pair_candidates:{PairCandidates}";
        return new AllocatorResult(decisions, results.Values.All(r => r.Proven), new SolverInfo("cp-sat", Version, parameters, 1, settings.Seed), levels);
    }

    /// <summary>Rough solve cost of a component: its units, pairing counted heavier.</summary>
    private static long Weight(List<Demand> component) => component.Sum(d => d.Resource.IsItinerant() ? 20L : d.Entitled);

    /// <summary>Independent parts of the problem, each a list of pool-funded demands, in canonical order.</summary>
    public static List<List<Demand>> Components(AllocationProblem problem)
    {
        var demands = problem.Demands.Where(AllocationProblem.Allocatable).ToList();
        var index = demands.Select((d, i) => (d, i)).ToDictionary(t => t.d, t => t.i);
        var parent = Enumerable.Range(0, demands.Count).ToArray();
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        void Union(int a, int b) { a = Find(a); b = Find(b); if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b); }
        var anchor = new Dictionary<string, int>(StringComparer.Ordinal);
        void Link(string key, int i) { if (anchor.TryGetValue(key, out var j)) Union(i, j); else anchor[key] = i; }
        for (var i = 0; i < demands.Count; i++)
        {
            var d = demands[i];
            foreach (var c in problem.CapacitiesOf(d)) Link(c.Key, i);
            if (d.Resource.IsItinerant()) Link($"itinerant {d.Centre.Area} {d.Resource.Name()}", i);
            if (d.Resource == Resource.SecondaryPtsc && problem.Find(d.Code, Resource.SecondarySupport) is { } s && index.TryGetValue(s, out var si)) Union(i, si);
        }
        return [.. Enumerable.Range(0, demands.Count).GroupBy(Find).OrderBy(g => g.Key).Select(g => g.Select(i => demands[i]).ToList())];
    }

    private sealed record ComponentResult(Dictionary<(string, Resource), int> Allocated, List<ItinerantGroup> Groups, long[] Slack, double[] Seconds, bool Proven);

    /// <summary>One component's model: built from the domain here, read back into decisions here.</summary>
    private sealed class ComponentSolver(AllocationProblem problem, List<Demand> demands, Decisions hint, long scale,
        Dictionary<Demand, long> weights, SolveSettings settings, double seconds)
    {
        private readonly CpModel model = new();
        private readonly Dictionary<Demand, BoolVar[]> units = [];
        private readonly List<(Demand A, Demand B, BoolVar X)> pairs = [];
        private readonly Dictionary<Demand, LinearExprBuilder> paired = [];
        private readonly int share = problem.Policy.ItinerantShare;

        public ComponentResult Solve()
        {
            var levels = PlanScore.LevelNames.Length;
            var slack = new long[levels];
            var time = new double[levels];
            if (Trivial()) return new ComponentResult(demands.ToDictionary(d => (d.Code, d.Resource), d => problem.Lock(d.Code, d.Resource)?.Amount ?? d.Entitled), [], slack, time, true);
            Build();
            var objectives = Objectives();
            Hint(d => hint.Of(d.Code, d.Resource), (a, b) => hint.Groups.Any(g => g.Codes.Contains(a.Code) && g.Codes.Contains(b.Code) && g.Stage == a.Resource.StageOf()));
            var proven = true;
            var hintCoverage = demands.Where(PlanScore.InCoverage).Sum(d => d.Resource.IsItinerant()
                ? (hint.Groups.Any(g => g.Stage == d.Resource.StageOf() && g.Codes.Contains(d.Code)) ? 1 : 0) : hint.Of(d.Code, d.Resource));
            var watch = Stopwatch.StartNew();
            CpSolver? last = null;
            for (var l = 0; l < levels; l++)
            {
                var (expr, constant, empty) = objectives[l];
                if (empty) continue;
                var start = watch.Elapsed.TotalSeconds;
                if (PlanScore.LevelNames[l] == "itinerant_ties" && TiesBound() is { } tiesBound)
                {
                    // The plan so far (greedy's, or the last level's) serves the top of the tie order already:
                    // kept share by share without a solve.
                    var current = last;
                    bool Has(Demand d) => current is null ? hint.Groups.Any(g => g.Stage == d.Resource.StageOf() && g.Codes.Contains(d.Code)) : current.Value(paired[d]) > 0;
                    if (paired.Keys.Where(Has).Sum(d => weights[d]) == tiesBound)
                    {
                        foreach (var (d, sum) in paired)
                            Name(model.Add(sum == (Has(d) ? 1 : 0)), $"level itinerant_ties: {d.Code} {(Has(d) ? "has" : "has no")} {d.Resource.Name()} share (the bound)");
                        continue;
                    }
                }
                if (l == 0 && hintCoverage == CoverageBound())
                {
                    // The greedy plan already reaches the bound: coverage is proven without a solve.
                    Name(model.Add(expr >= hintCoverage), $"level coverage kept at {hintCoverage} (the bound)");
                    continue;
                }
                if (PlanScore.Maximize[l]) model.Maximize(expr); else model.Minimize(expr);
                var solver = new CpSolver
                {
                    StringParameters = $"num_workers:1,random_seed:{settings.Seed},{Parameters}max_time_in_seconds:{Math.Max(0.01, seconds - start).ToString(CultureInfo.InvariantCulture)}",
                };
                var status = solver.Solve(model);
                time[l] = watch.Elapsed.TotalSeconds - start;
                if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
                {
                    // Cannot happen with a feasible hint; keep the previous level's solution if it does.
                    proven = false;
                    break;
                }
                var value = (long)Math.Round(solver.ObjectiveValue);
                var bound = (long)Math.Round(solver.BestObjectiveBound);
                slack[l] = Math.Abs(bound - value);
                proven &= status == CpSolverStatus.Optimal;
                if (PlanScore.LevelNames[l] == "itinerant_ties")
                {
                    // Who is served is kept share by share: the same optimum, without a knapsack over rank weights
                    // that makes the pair-cost level slow (measured: 3.6 s and 5.5 s more at 28,000 centres).
                    foreach (var (d, sum) in paired)
                        Name(model.Add(sum == (solver.Value(sum) > 0 ? 1 : 0)), $"level itinerant_ties: {d.Code} {(solver.Value(sum) > 0 ? "has" : "has no")} {d.Resource.Name()} share");
                }
                else
                {
                    // Fix the value reached, not the bound, so later levels stay feasible.
                    var fix = PlanScore.Maximize[l] ? model.Add(expr >= value) : model.Add(expr <= value);
                    fix.Proto.Name = $"level {PlanScore.LevelNames[l]} kept at {value + constant}";
                }
                model.ClearHints();
                Hint(d => units.TryGetValue(d, out var y) ? y.Count(solver.BooleanValue) : 0, (a, b) => pairs.Any(p => p.A == a && p.B == b && solver.BooleanValue(p.X)));
                last = solver;
            }
            // No solve at all: every level was settled by its bound on the greedy plan, which is then the answer.
            return last is null ? FromHint(slack, time, proven) : Read(last, slack, time, proven);
        }

        /// <summary>
        /// An upper bound on coverage: every demand in full, or a full capacity plus everything outside it;
        /// itinerant shares come in whole groups.
        /// </summary>
        private long CoverageBound()
        {
            long Full(Demand d) => problem.Lock(d.Code, d.Resource) is { } lk ? lk.Amount : d.Entitled;
            var counted = demands.Where(PlanScore.InCoverage).ToList();
            var groups = counted.Where(d => d.Resource.IsItinerant()).GroupBy(d => (d.Centre.Area, d.Resource))
                .Sum(g => { var n = g.Count(d => Full(d) > 0); return (long)(n - n % share); });
            long bound = counted.Where(d => !d.Resource.IsItinerant()).Sum(Full) + groups;
            foreach (var cap in counted.SelectMany(d => problem.CapacitiesOf(d)).Distinct())
                bound = Math.Min(bound, cap.Amount + counted.Where(d => !problem.CapacitiesOf(d).Contains(cap)).Sum(Full));
            return bound;
        }

        /// <summary>
        /// The most the tie level can reach: per area and resource, the heaviest centres up to what the area's
        /// teachers and whole groups allow, locked ones first. Null where a region-wide (*) pool couples areas.
        /// </summary>
        private long? TiesBound()
        {
            long bound = 0;
            foreach (var g in paired.Keys.GroupBy(d => (d.Centre.Area, d.Resource)))
            {
                var caps = problem.CapacitiesOf(g.First());
                if (caps.Any(c => c.Pool?.Area == PoolRow.AllAreas)) return null;
                var open = g.Where(d => problem.Lock(d.Code, d.Resource) is not { Amount: 0, Partner: null }).ToList();
                var k = Math.Min(open.Count - open.Count % share, caps.Select(c => c.Amount).DefaultIfEmpty(int.MaxValue).Min());
                bound += open.OrderByDescending(d => problem.Lock(d.Code, d.Resource) is { Amount: 1 } ? 1 : 0).ThenByDescending(d => weights[d]).Take(k).Sum(d => weights[d]);
            }
            return bound;
        }

        /// <summary>No itinerant pairing and every capacity slack: each demand gets its entitlement (or its lock), optimal on every level.</summary>
        private bool Trivial()
        {
            if (demands.Any(d => d.Resource.IsItinerant())) return false;
            var use = new Dictionary<Capacity, long>();
            foreach (var d in demands)
                foreach (var c in problem.CapacitiesOf(d))
                    use[c] = use.GetValueOrDefault(c) + (problem.Lock(d.Code, d.Resource)?.Amount ?? d.Entitled);
            return use.All(kv => kv.Value <= kv.Key.Amount);
        }

        private void Build()
        {
            var floors = Floors();
            foreach (var d in demands.Where(d => !d.Resource.IsItinerant()))
            {
                var y = new BoolVar[d.Entitled];
                for (var k = 0; k < d.Entitled; k++)
                {
                    y[k] = model.NewBoolVar($"{d.Code} {d.Resource.Name()} unit {k + 1}");
                    if (k > 0) model.AddImplication(y[k], y[k - 1]);
                }
                units[d] = y;
                if (problem.Lock(d.Code, d.Resource) is { } lk)
                    Name(model.Add(LinearExpr.Sum(y) == lk.Amount), $"lock: {d.Code} {d.Resource.Name()} = {lk.Amount} (locks.csv)");
                else if (floors.GetValueOrDefault(d) is > 0 and var floor)
                    Name(model.Add(LinearExpr.Sum(y) >= floor), $"max_loss_per_centre: {d.Code} {d.Resource.Name()} keeps at least {floor}");
            }
            BuildPairs();
            foreach (var cap in demands.SelectMany(d => problem.CapacitiesOf(d)).Distinct().OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                var sum = LinearExpr.NewBuilder();
                foreach (var d in demands.Where(d => problem.CapacitiesOf(d).Contains(cap))) sum.Add(Allocated(d));
                Name(model.Add(sum <= cap.Amount), $"{cap.Label}: at most {cap.Amount} {cap.Resource.Unit()}");
            }
            var min = problem.Policy.SecondaryPtscMinSupport;
            foreach (var p in demands.Where(d => d.Resource == Resource.SecondaryPtsc))
            {
                var support = problem.Find(p.Code, Resource.SecondarySupport);
                if (support is not null && units.TryGetValue(support, out var s) && s.Length >= min)
                    Name(model.AddImplication(units[p][0], s[min - 1]), $"{SPtsc.Id}: {p.Code} has a PTSC post only with {min} support posts allocated");
                else Name(model.Add(units[p][0] == 0), $"{SPtsc.Id}: {p.Code} cannot reach {min} support posts");
            }
        }

        private static void Name(Constraint c, string name) => c.Proto.Name = name;

        private LinearExpr Allocated(Demand d) => d.Resource.IsItinerant() ? paired[d] : LinearExpr.Sum(units[d]);

        /// <summary>max_loss_per_centre: the units a centre may not lose, where every capacity can hold all of them.</summary>
        private Dictionary<Demand, int> Floors()
        {
            if (problem.Policy.MaxLossPerCentre is not { } n) return [];
            var floors = demands.Where(d => !d.Resource.IsItinerant())
                .ToDictionary(d => d, d => Math.Max(0, Math.Min(d.Entitled, (problem.Current(d.Code, d.Resource)?.Amount ?? 0) - n)));
            var use = new Dictionary<Capacity, long>();
            foreach (var (d, f) in floors)
                foreach (var c in problem.CapacitiesOf(d)) use[c] = use.GetValueOrDefault(c) + f;
            return floors.Where(kv => problem.CapacitiesOf(kv.Key).All(c => use[c] <= c.Amount)).ToDictionary(kv => kv.Key, kv => kv.Value);
        }

        private void BuildPairs()
        {
            var eligible = demands.Where(d => d.Resource.IsItinerant()).ToList();
            foreach (var d in eligible) paired[d] = LinearExpr.NewBuilder();
            if (eligible.Count == 0) return;
            if (share != 2)
            {
                // Groups of three or more are the greedy's, kept as they are (the pair model is for twos).
                foreach (var d in eligible) paired[d].Add(HintGroups().Any(g => g.Codes.Contains(d.Code) && g.Stage == d.Resource.StageOf()) ? 1 : 0);
                return;
            }
            var candidates = new SortedSet<(int, int)>();
            var at = eligible.Select((d, i) => (d, i)).ToDictionary(t => (t.d.Code, t.d.Resource), t => t.i);
            void Offer(string a, string b, Resource r)
            {
                if (at.TryGetValue((a, r), out var i) && at.TryGetValue((b, r), out var j) && i != j
                    && eligible[i].Centre.Area == eligible[j].Centre.Area) candidates.Add((Math.Min(i, j), Math.Max(i, j)));
            }
            foreach (var group in eligible.GroupBy(d => (d.Centre.Area, d.Resource)))
            {
                var list = group.ToList();
                foreach (var d in list)
                    foreach (var o in list.Where(o => o != d).OrderBy(o => Itinerants.PairCost(d.Centre, o.Centre, d.Resource.StageOf())).ThenBy(o => o.Code, StringComparer.Ordinal).Take(PairCandidates))
                        Offer(d.Code, o.Code, d.Resource);
            }
            foreach (var g in hint.Groups) Offer(g.Codes[0], g.Codes[^1], g.Stage == Stage.Primary ? Resource.PrimaryItinerant : Resource.SecondaryItinerant);
            foreach (var (a, b, stage) in PlanScore.CurrentPairs(problem)) Offer(a, b, stage == Stage.Primary ? Resource.PrimaryItinerant : Resource.SecondaryItinerant);
            foreach (var h in problem.Locks.Where(h => h.Resource.IsItinerant() && h.Amount == 1 && h.Partner is not null)) Offer(h.Code, h.Partner!, h.Resource);
            var forbidden = problem.Locks.Where(h => h.Resource.IsItinerant() && h.Amount == 0 && h.Partner is not null)
                .Select(h => (h.Code, h.Partner!, h.Resource)).ToHashSet();
            foreach (var (i, j) in candidates)
            {
                var (a, b) = (eligible[i], eligible[j]);
                if (forbidden.Contains((a.Code, b.Code, a.Resource)) || forbidden.Contains((b.Code, a.Code, a.Resource))) continue;
                var x = model.NewBoolVar($"{a.Resource.Name()} {a.Code} with {b.Code}");
                pairs.Add((a, b, x));
                paired[a].Add(x);
                paired[b].Add(x);
            }
            foreach (var d in eligible)
            {
                Name(model.Add(paired[d] <= 1), $"{d.Code} holds at most one {d.Resource.Name()} share");
                if (problem.Lock(d.Code, d.Resource) is { } lk)
                {
                    Name(model.Add(paired[d] == lk.Amount), $"lock: {d.Code} {d.Resource.Name()} = {lk.Amount} (locks.csv)");
                    if (lk is { Amount: 1, Partner: { } partner })
                        foreach (var p in pairs.Where(p => (p.A == d) != (p.B == d) && (p.A == d || p.B == d) && p.A.Code != partner && p.B.Code != partner))
                            Name(model.Add(p.X == 0), $"lock: {d.Code} {d.Resource.Name()} only with {partner} (locks.csv)");
                }
            }
        }

        private (LinearExpr Expr, long Constant, bool Empty)[] Objectives()
        {
            var coverage = LinearExpr.NewBuilder();
            var fairness = LinearExpr.NewBuilder();
            var ptsc = LinearExpr.NewBuilder();
            var continuity = LinearExpr.NewBuilder();
            var pairCost = LinearExpr.NewBuilder();
            var tie = LinearExpr.NewBuilder();
            var served = LinearExpr.NewBuilder();
            bool hasFair = false, hasPtsc = false, hasContinuity = false;
            var min = problem.Policy.SecondaryPtscMinSupport;
            foreach (var d in demands)
            {
                var w = weights[d];
                if (d.Resource.IsItinerant())
                {
                    // Who gets a share when teachers are short is a tie (every share is 0 or 1 of 1): settled by the
                    // tie order before the pair cost says who goes with whom.
                    coverage.Add(paired[d]);
                    served.AddTerm(paired[d], w);
                    continue;
                }
                var y = units[d];
                if (PlanScore.InCoverage(d)) coverage.AddSum(y);
                if (PlanScore.InFairness(d))
                    for (var k = 0; k < y.Length; k++) { fairness.AddTerm(y[k], PlanScore.UnitValue(scale, k, d.Entitled)); hasFair = true; }
                if (d.Resource == Resource.SecondaryPtsc)
                {
                    hasPtsc = true;
                    ptsc.Add(y[0]);
                    if (problem.Find(d.Code, Resource.SecondarySupport) is { } s && units.TryGetValue(s, out var sy) && sy.Length >= min)
                        ptsc.AddTerm(sy[min - 1], PlanScore.UnitScale);
                }
                tie.AddWeightedSum(y, Enumerable.Repeat(w, y.Length));
                var held = problem.Current(d.Code, d.Resource)?.Amount ?? 0;
                for (var k = 0; k < Math.Min(held, y.Length); k++) { continuity.Add(1); continuity.AddTerm(y[k], -1); hasContinuity = true; }
            }
            var currentPairs = PlanScore.CurrentPairs(problem).ToHashSet();
            foreach (var (a, b, x) in pairs)
            {
                pairCost.AddTerm(x, Itinerants.PairCost(a.Centre, b.Centre, a.Resource.StageOf()));
                var key = string.CompareOrdinal(a.Code, b.Code) < 0 ? (a.Code, b.Code, a.Resource.StageOf()) : (b.Code, a.Code, a.Resource.StageOf());
                if (currentPairs.Contains(key)) { continuity.Add(1); continuity.AddTerm(x, -1); hasContinuity = true; }
            }
            return
            [
                (coverage, 0, false), (fairness, 0, !hasFair), (ptsc, 0, !hasPtsc), (continuity, 0, !hasContinuity),
                (served, 0, pairs.Count == 0), (pairCost, 0, pairs.Count == 0), (tie, 0, units.Count == 0),
            ];
        }

        private void Hint(Func<Demand, int> allocated, Func<Demand, Demand, bool> together)
        {
            foreach (var (d, y) in units)
            {
                var a = allocated(d);
                for (var k = 0; k < y.Length; k++) model.AddHint(y[k], k < a);
            }
            foreach (var (a, b, x) in pairs) model.AddHint(x, together(a, b));
        }

        private ComponentResult Read(CpSolver solver, long[] slack, double[] time, bool proven)
        {
            var alloc = units.ToDictionary(kv => (kv.Key.Code, kv.Key.Resource), kv => kv.Value.Count(solver.BooleanValue));
            var groups = share != 2 ? HintGroups() : pairs.Where(p => solver.BooleanValue(p.X))
                .Select(p => new ItinerantGroup(p.A.Centre.Area, p.A.Resource.StageOf(), [.. new[] { p.A.Code, p.B.Code }.Order(StringComparer.Ordinal)])).ToList();
            return new ComponentResult(alloc, groups, slack, time, proven);
        }

        private ComponentResult FromHint(long[] slack, double[] time, bool proven) =>
            new(demands.Where(d => !d.Resource.IsItinerant()).ToDictionary(d => (d.Code, d.Resource), d => hint.Of(d.Code, d.Resource)), HintGroups(), slack, time, proven);

        private List<ItinerantGroup> HintGroups() =>
            [.. hint.Groups.Where(g => demands.Any(d => d.Resource.IsItinerant() && d.Centre.Area == g.Area && d.Resource.StageOf() == g.Stage && g.Codes.Contains(d.Code)))];
    }
}
