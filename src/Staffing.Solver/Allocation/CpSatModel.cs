using Google.OrTools.Sat;
using Staffing.Domain;
using Staffing.Rules;

namespace Staffing.Allocation;

/// <summary>
/// One component's CP-SAT model, built from the domain here and only here: a Boolean per unit of each demand, a
/// Boolean per candidate itinerant pair, one method per constraint family, one expression per level. Constraint
/// names are user-facing text.
/// </summary>
public sealed partial class ComponentModel
{
    /// <summary>Nearest partners per eligible centre offered to the pairing model (plus greedy's, this year's and locked pairs).</summary>
    public const int PairCandidates = 5;

    private readonly AllocationProblem problem;
    private readonly List<Demand> demands;
    private readonly Decisions hint;

    /// <summary>The run a re-plan comes from, to stay close to (the stability level); null for a plan of its own.</summary>
    private readonly Decisions? parent;
    private readonly long scale;
    private readonly Dictionary<Demand, long> weights;
    private readonly int share;
    private readonly Dictionary<Demand, BoolVar[]> units = [];
    private readonly List<(Demand A, Demand B, BoolVar X)> pairs = [];
    private readonly Dictionary<Demand, BoolVar> odd = [];
    private readonly Dictionary<Demand, BoolVar> alone = [];
    private readonly HashSet<(Demand, Demand)> hintPairs = [];
    private readonly HashSet<Demand> hintLeftovers = [];
    private readonly Dictionary<Demand, LinearExprBuilder> paired = [];

    public CpModel Model { get; } = new();

    public LevelObjective Coverage { get; private set; }
    public LevelObjective Fairness { get; private set; }
    public LevelObjective SecondaryPtsc { get; private set; }
    public LevelObjective Continuity { get; private set; }
    public LevelObjective Stability { get; private set; }
    public LevelObjective Served { get; private set; }
    public LevelObjective PairCost { get; private set; }
    public LevelObjective TieBreak { get; private set; }

    public ComponentModel(
        AllocationProblem problem,
        List<Demand> demands,
        Decisions hint,
        long scale,
        Dictionary<Demand, long> weights,
        Decisions? parent = null
    )
    {
        this.parent = parent;
        this.problem = problem;
        this.demands = demands;
        this.hint = hint;
        this.scale = scale;
        this.weights = weights;
        share = problem.Policy.ItinerantShare;
        SplitHint();
        var floors = LossFloors();
        foreach (var d in demands.Where(d => !d.Resource.IsItinerant()))
        {
            AddUnits(d);
            if (!AddLock(d))
                AddLossFloor(d, floors.GetValueOrDefault(d));
        }
        AddPairs();
        AddCapacities();
        AddSecondaryPtscNeedsTwoPosts();
        BuildObjectives();
        Hint(d => hint.Of(d.Code, d.Resource), (a, b) => hintPairs.Contains((a, b)), d => hintLeftovers.Contains(d));
    }

    /// <summary>Unit k+1 of a demand only with unit k: the units allocated are a prefix.</summary>
    private void AddUnits(Demand d)
    {
        var y = new BoolVar[d.Entitled];
        for (var k = 0; k < d.Entitled; k++)
        {
            y[k] = Model.NewBoolVar($"{d.Code} {d.Resource.Name()} unit {k + 1}");
            if (k > 0)
                Model.AddImplication(y[k], y[k - 1]);
        }
        units[d] = y;
    }

    private bool AddLock(Demand d)
    {
        if (problem.Lock(d.Code, d.Resource) is not { } lk)
            return false;
        Name(
            Model.Add(LinearExpr.Sum(units[d]) == lk.Amount),
            $"lock: {d.Code} {d.Resource.Name()} = {lk.Amount} (locks.csv)"
        );
        return true;
    }

    private void AddLossFloor(Demand d, int floor)
    {
        if (floor > 0)
            Name(
                Model.Add(LinearExpr.Sum(units[d]) >= floor),
                $"max_loss_per_centre: {d.Code} {d.Resource.Name()} keeps at least {floor}"
            );
    }

    /// <summary>max_loss_per_centre: the units a centre may not lose, where every capacity can hold all of them.</summary>
    private Dictionary<Demand, int> LossFloors()
    {
        if (problem.Policy.MaxLossPerCentre is not { } n)
            return [];
        var floors = demands
            .Where(d => !d.Resource.IsItinerant())
            .ToDictionary(
                d => d,
                d => Math.Max(0, Math.Min(d.Entitled, (problem.Current(d.Code, d.Resource)?.Amount ?? 0) - n))
            );
        var use = new Dictionary<Capacity, long>();
        foreach (var (d, f) in floors)
        foreach (var c in problem.CapacitiesOf(d))
            use[c] = use.GetValueOrDefault(c) + f;
        return floors
            .Where(kv => problem.CapacitiesOf(kv.Key).All(c => use[c] <= c.Amount))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    /// <summary>
    /// Every pool row and EOEP team: what its demands are given stays within its amount; for itinerant teachers,
    /// the groups of two and the teachers of one centre's own (an odd centre joining a group costs none).
    /// </summary>
    private void AddCapacities()
    {
        foreach (
            var cap in demands
                .SelectMany(d => problem.CapacitiesOf(d))
                .Distinct()
                .OrderBy(c => c.Key, StringComparer.Ordinal)
        )
        {
            var sum = LinearExpr.NewBuilder();
            if (cap.Resource.IsItinerant())
            {
                if (share != 2)
                    continue;
                foreach (var (a, _, x) in pairs.Where(p => problem.CapacitiesOf(p.A).Contains(cap)))
                    sum.Add(x);
                foreach (var (_, o) in alone.Where(kv => problem.CapacitiesOf(kv.Key).Contains(cap)))
                    sum.Add(o);
                Name(Model.Add(sum <= cap.Amount), $"{Reasons.Wording.Contract(cap.Label)}: at most {cap.Amount} itinerant teachers");
                continue;
            }
            foreach (var d in demands.Where(d => problem.CapacitiesOf(d).Contains(cap)))
                sum.Add(Allocated(d));
            Name(Model.Add(sum <= cap.Amount), $"{Reasons.Wording.Contract(cap.Label)}: at most {cap.Amount} {cap.Resource.Unit()}");
        }
    }

    /// <summary>S-PTSC: an institute's PTSC post only with the support posts it needs allocated.</summary>
    private void AddSecondaryPtscNeedsTwoPosts()
    {
        var min = problem.Policy.SecondaryPtscMinSupport;
        foreach (var p in demands.Where(d => d.Resource == Resource.SecondaryPtsc))
        {
            var support = problem.Find(p.Code, Resource.SecondarySupport);
            if (support is not null && units.TryGetValue(support, out var s) && s.Length >= min)
                Name(
                    Model.AddImplication(units[p][0], s[min - 1]),
                    $"{SPtsc.Id}: {p.Code} has a PTSC post only with {min} support posts allocated"
                );
            else
                Name(Model.Add(units[p][0] == 0), $"{SPtsc.Id}: {p.Code} cannot reach {min} support posts");
        }
    }

    private static void Name(Constraint c, string name) => c.Proto.Name = name;

    private LinearExpr Allocated(Demand d) => d.Resource.IsItinerant() ? paired[d] : LinearExpr.Sum(units[d]);

    /// <summary>
    /// What a capacity can give, in the units coverage counts: posts or days, or for itinerant teachers the centres
    /// they can serve (every teacher at most itinerant_group_max where an area-wide pool does not say more).
    /// </summary>
    private long Units(Capacity c) =>
        !c.Resource.IsItinerant() ? c.Amount
        : c.Pool?.Area == PoolRow.AllAreas ? (long)c.Amount * problem.Policy.ItinerantGroupMax
        : Itinerants.MaxServed(c.Amount, problem.Policy);

    /// <summary>The pair cost an odd centre adds at least: to its nearest other eligible centre of the area and stage.</summary>
    private long NearestCost(Demand d) =>
        paired
            .Keys.Where(o => o != d && o.Resource == d.Resource && o.Centre.Area == d.Centre.Area)
            .Select(o => Itinerants.PairCost(d.Centre, o.Centre, d.Resource.StageOf()))
            .DefaultIfEmpty(0)
            .Min();

    /// <summary>
    /// Who is served, kept share by share: the same optimum, without a knapsack over rank weights that makes the
    /// pair-cost level slow (measured: 3.6 s and 5.5 s more at 28,000 centres).
    /// </summary>
    public void KeepShares(CpSolver solver)
    {
        foreach (var (d, sum) in paired)
            Name(
                Model.Add(sum == (solver.Value(sum) > 0 ? 1 : 0)),
                $"level itinerant_ties: {d.Code} {(solver.Value(sum) > 0 ? "has" : "has no")} {d.Resource.Name()} share"
            );
    }

    /// <summary>A level's value reached, kept (not its bound, so later levels stay feasible).</summary>
    public void Keep(Level level, LevelObjective objective, long value)
    {
        var fix =
            level.Sense == Sense.Maximize
                ? Model.Add(objective.Expression >= value)
                : Model.Add(objective.Expression <= value);
        fix.Proto.Name = $"level {level.Name} kept at {value}";
    }

    /// <summary>The next solve starts from the last solution.</summary>
    public void HintWith(CpSolver solver)
    {
        Model.ClearHints();
        var chosen = pairs.Where(p => solver.BooleanValue(p.X)).Select(p => (p.A, p.B)).ToHashSet();
        Hint(
            d => units.TryGetValue(d, out var y) ? y.Count(solver.BooleanValue) : 0,
            (a, b) => chosen.Contains((a, b)),
            d =>
                odd.TryGetValue(d, out var e) && solver.BooleanValue(e)
                || alone.TryGetValue(d, out var o) && solver.BooleanValue(o)
        );
    }

    private void Hint(Func<Demand, int> allocated, Func<Demand, Demand, bool> together, Func<Demand, bool> leftover)
    {
        foreach (var (d, y) in units)
        {
            var a = allocated(d);
            for (var k = 0; k < y.Length; k++)
                Model.AddHint(y[k], k < a);
        }
        foreach (var (a, b, x) in pairs)
            Model.AddHint(x, together(a, b));
        // An odd centre where the area and stage has a pair, else a teacher of its own.
        foreach (var group in odd.Keys.Concat(alone.Keys).Distinct().GroupBy(d => (d.Centre.Area, d.Resource)))
        {
            var hasPair = pairs.Any(p =>
                p.A.Centre.Area == group.Key.Area && p.A.Resource == group.Key.Resource && together(p.A, p.B)
            );
            foreach (var d in group)
            {
                var left = leftover(d);
                if (odd.TryGetValue(d, out var e))
                    Model.AddHint(e, left && hasPair);
                if (alone.TryGetValue(d, out var o))
                    Model.AddHint(o, left && (!hasPair || !odd.ContainsKey(d)));
            }
        }
    }

    /// <summary>The solution read back into decisions.</summary>
    public (Dictionary<(string, Resource), int> Allocated, List<ItinerantGroup> Groups) Read(CpSolver solver)
    {
        var alloc = units.ToDictionary(kv => (kv.Key.Code, kv.Key.Resource), kv => kv.Value.Count(solver.BooleanValue));
        if (share != 2)
            return (alloc, HintGroups());
        var groups = new List<ItinerantGroup>();
        foreach (
            var g in paired
                .Keys.GroupBy(d => (d.Centre.Area, d.Resource))
                .OrderBy(g => g.Key.Area, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Resource)
        )
        {
            var (area, resource) = g.Key;
            var two = pairs
                .Where(p => p.A.Centre.Area == area && p.A.Resource == resource && solver.BooleanValue(p.X))
                .Select(p => new ItinerantGroup(
                    area,
                    resource.StageOf(),
                    [.. new[] { p.A.Code, p.B.Code }.Order(StringComparer.Ordinal)]
                ))
                .ToList();
            var left = g.Where(d =>
                odd.TryGetValue(d, out var e) && solver.BooleanValue(e)
                || alone.TryGetValue(d, out var o) && solver.BooleanValue(o)
            );
            groups.AddRange(Better(Itinerants.Attach(problem, resource, area, two, left), area, resource.StageOf()));
        }
        return (alloc, groups);
    }

    /// <summary>
    /// The model prices an odd centre by its nearest partner, not by the whole group it joins; where the greedy's
    /// groups serve the same centres, keep this year's pairs as well and cost less in full, they are the answer.
    /// </summary>
    private List<ItinerantGroup> Better(List<ItinerantGroup> mine, string area, Stage stage)
    {
        var theirs = hint.GroupsOf(area, stage).ToList();
        static IEnumerable<string> Served(List<ItinerantGroup> gs) =>
            gs.SelectMany(g => g.Codes).Order(StringComparer.Ordinal);
        if (!Served(mine).SequenceEqual(Served(theirs)))
            return mine;
        var current = problem.CurrentPairs.Where(p => p.Stage == stage).ToList();
        int Kept(List<ItinerantGroup> gs) =>
            current.Count(p => gs.Any(g => g.Codes.Contains(p.A) && g.Codes.Contains(p.B)));
        long Cost(List<ItinerantGroup> gs) => gs.Sum(g => PlanScore.GroupCost(problem, g));
        var (km, kt) = (Kept(mine), Kept(theirs));
        return kt > km || kt == km && Cost(theirs) < Cost(mine) ? theirs : mine;
    }

    /// <summary>The hint (greedy's plan) as decisions: the answer when every level was settled by its bound.</summary>
    public (Dictionary<(string, Resource), int> Allocated, List<ItinerantGroup> Groups) FromHint() =>
        FromHint(demands, hint);

    /// <summary>
    /// A component's share of the greedy plan, without a model: also the answer where the clock leaves no time to
    /// build or search one.
    /// </summary>
    public static (Dictionary<(string, Resource), int> Allocated, List<ItinerantGroup> Groups) FromHint(
        List<Demand> demands,
        Decisions hint
    ) =>
        (
            demands
                .Where(d => !d.Resource.IsItinerant())
                .ToDictionary(d => (d.Code, d.Resource), d => hint.Of(d.Code, d.Resource)),
            HintGroups(demands, hint)
        );

    private List<ItinerantGroup> HintGroups() => HintGroups(demands, hint);

    /// <summary>The hint's groups with a centre of this component (a centre is in one area, so the area matches).</summary>
    private static List<ItinerantGroup> HintGroups(List<Demand> demands, Decisions hint)
    {
        var mine = demands.Where(d => d.Resource.IsItinerant()).Select(d => (d.Code, d.Resource.StageOf())).ToHashSet();
        return mine.Count == 0 ? [] : [.. hint.Groups.Where(g => g.Codes.Any(c => mine.Contains((c, g.Stage))))];
    }

    /// <summary>The areas and stages of the component's itinerant demands.</summary>
    private IEnumerable<(string Area, Stage Stage)> AreaStages() =>
        demands.Where(d => d.Resource.IsItinerant()).Select(d => (d.Centre.Area, d.Resource.StageOf())).Distinct();
}
