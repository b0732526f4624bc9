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
/// greedy plan (or a stored run's, see <see cref="SolveSettings.Hint"/>) and then with the previous level's solution. One worker per model, models in parallel.
/// </summary>
public sealed class CpSatAllocator : IAllocator
{
    public string Name => "cp-sat";

    /// <summary>
    /// Presolve off: with many interchangeable post units presolve spends seconds adding domination implications
    /// in front of a sub-second search (measured here, see benchmarks/README.md). CP-SAT's own SIGINT handler off
    /// (catch_sigint_signal): it allocates inside the handler and can deadlock; the program handles signals and
    /// stops the searches itself.
    /// </summary>
    /// <summary>Below this, a component's search is not started (or a level not begun): the greedy plan stands.</summary>
    public const double MinSearchSeconds = 0.05;

    /// <summary>
    /// A component heavier than this (post units, and 20 for each itinerant share) is left to the greedy plan
    /// whatever the time: its model would take gigabytes (two areas of 25,000 centres: 3 GB, no solution in 6 s).
    /// </summary>
    public const long MaxComponentWeight = 30_000;

    /// <summary>
    /// Roughly how much weight CP-SAT builds and searches in a second on one core (measured: an itinerant
    /// component of weight 60,000 took 3.5 s to build and found nothing in the next 6 s); a component that would
    /// need more than the time left is left to the greedy plan without starting.
    /// </summary>
    public const double WeightPerSecond = 10_000;

    public const string Parameters = "cp_model_presolve:false,catch_sigint_signal:false,";

    public static string Version =>
        typeof(CpModel).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "unknown";

    /// <summary>
    /// Solver "workers" is CP-SAT's num_workers, 1 for every model; --workers only solves components side by side,
    /// so it leaves the output, summary.json included, byte-identical.
    /// </summary>
    public AllocatorResult Allocate(AllocationProblem problem, SolveSettings settings)
    {
        var deadline = Stopwatch.StartNew();
        var greedy = GreedyAllocator.Decide(problem, settings);
        var start = settings.Hint is { } previous && previous.Honours(problem) ? previous : greedy;
        var components = Components(problem);
        var results = new ConcurrentDictionary<int, ComponentResult>();
        var scale = PlanScore.FairnessScale(problem);
        var weights = PlanScore.TieWeights(problem);
        // Largest first, one at a time off the queue, so the big components do not end up together on one core.
        var order = Enumerable.Range(0, components.Count).OrderByDescending(i => Weight(components[i])).ToList();
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(
                order,
                System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering
            ),
            new ParallelOptions { MaxDegreeOfParallelism = settings.Workers, CancellationToken = settings.Cancel },
            i =>
            {
                var remaining = settings.LeftSeconds(deadline);
                results[i] = new ComponentSolver(
                    problem,
                    components[i],
                    start,
                    scale,
                    weights,
                    settings,
                    remaining
                ).Solve();
                if (components[i].Count > 2000)
                    settings.Progress?.Report(
                        $"cp-sat: component {i + 1} of {components.Count} ({components[i].Count} demands) solved"
                    );
            }
        );

        var alloc = new Dictionary<(string, Resource), int>();
        var groups = new List<ItinerantGroup>();
        foreach (var r in results.OrderBy(kv => kv.Key).Select(kv => kv.Value))
        {
            foreach (var (k, v) in r.Allocated)
                if (v > 0)
                    alloc[k] = v;
            groups.AddRange(r.Groups);
        }
        var decisions = new Decisions(
            alloc.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value, GreedyAllocator.KeyComparer),
            [
                .. groups
                    .OrderBy(g => g.Area, StringComparer.Ordinal)
                    .ThenBy(g => g.Stage)
                    .ThenBy(g => g.Codes[0], StringComparer.Ordinal),
            ]
        );
        var score = PlanScore.Score(problem, decisions, settings.Parent);
        var levels = Levels
            .Reported(
            Levels.All.Select(
                (level, l) =>
                {
                    var seconds = results.Values.Sum(r => r.Seconds[l]);
                    // A component the clock left to the greedy plan has no bound to give.
                    if (results.Values.Any(r => r.Unbounded))
                        return new LevelResult(level.Name, score[l], null, null, seconds);
                    var slack = results.Values.Sum(r => r.Slack[l]);
                    var bound = level.Sense == Sense.Maximize ? score[l] + slack : score[l] - slack;
                    var gap = score[l] == bound ? 0.0 : Math.Abs(bound - score[l]) / Math.Max(1.0, Math.Abs(bound));
                    return new LevelResult(level.Name, score[l], bound, gap, seconds);
                }
            ),
            l => l.Name,
            settings.Parent is not null
            )
            .ToImmutableArray();
        // Components left to the greedy plan (too big for their time or memory, or the clock spent) are said in the
        // summary (only when there are any, so plans that never meet one keep their bytes).
        var tooBig = results.Values.Count(r => r.Unbounded);
        var parameters =
            $"num_workers:1,random_seed:{settings.Seed},{Parameters}max_time_in_seconds:{settings.TimeLimitSeconds.ToString(CultureInfo.InvariantCulture)},components:{components.Count},pair_candidates:{ComponentModel.PairCandidates}"
            + (tooBig > 0 ? $",greedy_components:{tooBig}" : "");
        return new AllocatorResult(
            decisions,
            results.Values.All(r => r.Proven),
            new SolverInfo("cp-sat", Version, parameters, 1, settings.Seed),
            levels
        );
    }

    /// <summary>Rough solve cost of a component: its units, pairing counted heavier.</summary>
    private static long Weight(List<Demand> component) =>
        component.Sum(d => d.Resource.IsItinerant() ? 20L : d.Entitled);

    /// <summary>Independent parts of the problem, each a list of pool-funded demands, in canonical order.</summary>
    public static List<List<Demand>> Components(AllocationProblem problem)
    {
        var demands = problem.Demands.Where(AllocationProblem.Allocatable).ToList();
        var index = demands.Select((d, i) => (d, i)).ToDictionary(t => t.d, t => t.i);
        var parent = Enumerable.Range(0, demands.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
                x = parent[x] = parent[parent[x]];
            return x;
        }
        void Union(int a, int b)
        {
            a = Find(a);
            b = Find(b);
            if (a != b)
                parent[Math.Max(a, b)] = Math.Min(a, b);
        }
        var anchor = new Dictionary<string, int>(StringComparer.Ordinal);
        void Link(string key, int i)
        {
            if (anchor.TryGetValue(key, out var j))
                Union(i, j);
            else
                anchor[key] = i;
        }
        for (var i = 0; i < demands.Count; i++)
        {
            var d = demands[i];
            foreach (var c in problem.CapacitiesOf(d))
                Link(c.Key, i);
            if (d.Resource.IsItinerant())
                Link($"itinerant {d.Centre.Area} {d.Resource.Name()}", i);
            if (
                d.Resource == Resource.SecondaryPtsc
                && problem.Find(d.Code, Resource.SecondarySupport) is { } s
                && index.TryGetValue(s, out var si)
            )
                Union(i, si);
        }
        return
        [
            .. Enumerable
                .Range(0, demands.Count)
                .GroupBy(Find)
                .OrderBy(g => g.Key)
                .Select(g => g.Select(i => demands[i]).ToList()),
        ];
    }

    private sealed record ComponentResult(
        Dictionary<(string, Resource), int> Allocated,
        List<ItinerantGroup> Groups,
        long[] Slack,
        double[] Seconds,
        bool Proven,
        bool Unbounded = false
    );

    /// <summary>One component solved level by level, each level's optimum kept before the next.</summary>
    private sealed class ComponentSolver(
        AllocationProblem problem,
        List<Demand> demands,
        Decisions hint,
        long scale,
        Dictionary<Demand, long> weights,
        SolveSettings settings,
        double seconds
    )
    {
        public ComponentResult Solve()
        {
            var slack = new long[Levels.All.Length];
            var time = new double[Levels.All.Length];
            if (seconds < MinSearchSeconds && !Trivial())
                return GreedyOnly(slack, time);
            var weight = Weight(demands);
            if ((weight > MaxComponentWeight || weight / WeightPerSecond > seconds) && !Trivial())
            {
                settings.Progress?.Report($"cp-sat: a component of {demands.Count} demands left to the greedy plan");
                return GreedyOnly(slack, time);
            }
            if (Trivial())
                return new ComponentResult(
                    demands.ToDictionary(
                        d => (d.Code, d.Resource),
                        d => problem.Lock(d.Code, d.Resource)?.Amount ?? d.Entitled
                    ),
                    [],
                    slack,
                    time,
                    true
                );
            // The model's building counts against the component's time too.
            var watch = Stopwatch.StartNew();
            var m = new ComponentModel(problem, demands, hint, scale, weights, settings.Parent);
            var proven = true;
            CpSolver? last = null;
            for (var l = 0; l < Levels.All.Length; l++)
            {
                var level = Levels.All[l];
                var objective = level.Objective(m);
                if (objective.Empty)
                    continue;
                var start = watch.Elapsed.TotalSeconds;
                if (level.SettledByBound?.Invoke(m, last) == true)
                    continue;
                if (seconds - start < MinSearchSeconds)
                {
                    // The wall clock is spent: the levels solved so far stand, the rest unproven.
                    proven = false;
                    break;
                }
                if (level.Sense == Sense.Maximize)
                    m.Model.Maximize(objective.Expression);
                else
                    m.Model.Minimize(objective.Expression);
                var solver = new CpSolver
                {
                    StringParameters =
                        $"num_workers:1,random_seed:{settings.Seed},{Parameters}max_time_in_seconds:{Math.Max(0.01, seconds - start).ToString(CultureInfo.InvariantCulture)}",
                };
                CpSolverStatus status;
                using (settings.Cancel.Register(solver.StopSearch))
                    status = settings.Cancel.IsCancellationRequested ? CpSolverStatus.Unknown : solver.Solve(m.Model);
                settings.Cancel.ThrowIfCancellationRequested();
                time[l] = watch.Elapsed.TotalSeconds - start;
                if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
                {
                    // Cannot happen with a feasible hint; keep the previous level's solution if it does.
                    proven = false;
                    break;
                }
                var value = (long)Math.Round(solver.ObjectiveValue);
                slack[l] = Math.Abs((long)Math.Round(solver.BestObjectiveBound) - value);
                proven &= status == CpSolverStatus.Optimal;
                if (level.KeepEach is { } keep)
                    keep(m, solver);
                else
                    m.Keep(level, objective, value);
                m.HintWith(solver);
                last = solver;
            }
            // No solve at all: every level was settled by its bound on the greedy plan, which is then the answer.
            var (allocated, groups) = last is null ? m.FromHint() : m.Read(last);
            return new ComponentResult(allocated, groups, slack, time, proven);
        }

        /// <summary>The greedy plan's decisions for this component, when the clock leaves no time to search.</summary>
        private ComponentResult GreedyOnly(long[] slack, double[] time)
        {
            var (allocated, groups) = ComponentModel.FromHint(demands, hint);
            return new ComponentResult(allocated, groups, slack, time, false, Unbounded: true);
        }

        /// <summary>No itinerant pairing and every capacity slack: each demand gets its entitlement (or its lock), optimal on every level.</summary>
        private bool Trivial()
        {
            if (demands.Any(d => d.Resource.IsItinerant()))
                return false;
            var use = new Dictionary<Capacity, long>();
            foreach (var d in demands)
            foreach (var c in problem.CapacitiesOf(d))
                use[c] = use.GetValueOrDefault(c) + (problem.Lock(d.Code, d.Resource)?.Amount ?? d.Entitled);
            return use.All(kv => kv.Value <= kv.Key.Amount);
        }
    }
}
