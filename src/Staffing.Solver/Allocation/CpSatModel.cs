using Google.OrTools.Sat;
using Staffing.Domain;
using Staffing.Rules;

namespace Staffing.Allocation;

/// <summary>
/// One component's CP-SAT model, built from the domain here and only here: a Boolean per unit of each demand, a
/// Boolean per candidate itinerant pair, one method per constraint family, one expression per level. Constraint
/// names are user-facing text.
/// </summary>
public sealed class ComponentModel
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

    /// <summary>
    /// The candidate pairs of each area and stage (nearest by pair cost, greedy's, this year's, locked), none that a
    /// lock forbids; then one share per centre and the locks on shares and partners.
    /// </summary>
    private void AddPairs()
    {
        var eligible = demands.Where(d => d.Resource.IsItinerant()).ToList();
        foreach (var d in eligible)
            paired[d] = LinearExpr.NewBuilder();
        if (eligible.Count == 0)
            return;
        if (share != 2)
        {
            // Groups of three or more are the greedy's, kept as they are (the pair model is for twos).
            foreach (var d in eligible)
                paired[d].Add(hint.Grouped(d.Code, d.Resource.StageOf()) ? 1 : 0);
            return;
        }
        var candidates = Candidates(eligible);
        var forbidden = problem
            .Locks.Where(h => h.Resource.IsItinerant() && h.Amount == 0 && h.Partner is not null)
            .Select(h => (h.Code, h.Partner!, h.Resource))
            .ToHashSet();
        foreach (var (i, j) in candidates)
        {
            var (a, b) = (eligible[i], eligible[j]);
            if (forbidden.Contains((a.Code, b.Code, a.Resource)) || forbidden.Contains((b.Code, a.Code, a.Resource)))
                continue;
            var x = Model.NewBoolVar($"{a.Resource.Name()} {a.Code} with {b.Code}");
            pairs.Add((a, b, x));
            paired[a].Add(x);
            paired[b].Add(x);
        }
        AddOddAndAlone(eligible);
        foreach (var d in eligible)
        {
            AddOneShareEach(d);
            AddLockedShare(d);
        }
    }

    /// <summary>
    /// Every eligible centre can be served: in an area and stage, one odd centre joins a pair (with
    /// itinerant_group_max 3 or more), and a centre can have a teacher of its own (with a larger group allowed,
    /// only where no pair is formed: the centre alone in its area and stage).
    /// </summary>
    private void AddOddAndAlone(List<Demand> eligible)
    {
        var larger = problem.Policy.ItinerantGroupMax > share;
        foreach (var group in eligible.GroupBy(d => (d.Centre.Area, d.Resource)))
        {
            var (area, resource) = group.Key;
            var pairSum = LinearExpr.NewBuilder();
            foreach (var (_, _, x) in pairs.Where(p => p.A.Centre.Area == area && p.A.Resource == resource))
                pairSum.Add(x);
            var odds = LinearExpr.NewBuilder();
            var alones = LinearExpr.NewBuilder();
            foreach (
                var d in group.Where(d => problem.Lock(d.Code, d.Resource) is not { Amount: 1, Partner: not null })
            )
            {
                if (larger)
                {
                    var e = Model.NewBoolVar($"{resource.Name()} {d.Code} joins a pair as the odd centre");
                    odd[d] = e;
                    paired[d].Add(e);
                    odds.Add(e);
                }
                var o = Model.NewBoolVar($"{resource.Name()} {d.Code} has a teacher of its own");
                alone[d] = o;
                paired[d].Add(o);
                alones.Add(o);
                if (larger)
                {
                    var c = Model.Add(pairSum == 0);
                    c.OnlyEnforceIf(o);
                    Name(c, $"{d.Code} has a {resource.Name()} teacher of its own only alone in {area}");
                }
            }
            if (larger)
            {
                Name(Model.Add(odds <= pairSum), $"{area} {resource.Name()}: an odd centre joins a pair");
                Name(Model.Add(odds <= share - 1), $"{area} {resource.Name()}: at most one odd centre");
            }
            Name(Model.Add(alones <= 1), $"{area} {resource.Name()}: at most one teacher of one centre");
        }
    }

    /// <summary>
    /// The greedy groups as the model's variables: pairs as pairs, a group of three as its cheapest candidate
    /// pair and an odd centre, a group of one as a teacher of its own.
    /// </summary>
    private void SplitHint()
    {
        if (share != 2)
            return;
        var byKey = demands.Where(d => d.Resource.IsItinerant()).ToDictionary(d => (d.Code, d.Resource.StageOf()));
        foreach (var g in AreaStages().SelectMany(k => hint.GroupsOf(k.Area, k.Stage)))
        {
            var members = g.Codes.Select(c => byKey.GetValueOrDefault((c, g.Stage))).OfType<Demand>().ToList();
            if (members.Count != g.Codes.Length)
                continue;
            if (members.Count == 1)
            {
                hintLeftovers.Add(members[0]);
                continue;
            }
            var best = (
                from i in Enumerable.Range(0, members.Count)
                from j in Enumerable.Range(i + 1, members.Count - i - 1)
                orderby Itinerants.PairCost(members[i].Centre, members[j].Centre, g.Stage), members[i].Code, members[
                    j
                ].Code
                select (members[i], members[j])
            ).First();
            hintPairs.Add(best);
            hintPairs.Add((best.Item2, best.Item1));
            foreach (var m in members.Where(m => m != best.Item1 && m != best.Item2))
                hintLeftovers.Add(m);
        }
    }

    private SortedSet<(int, int)> Candidates(List<Demand> eligible)
    {
        var candidates = new SortedSet<(int, int)>();
        var at = eligible.Select((d, i) => (d, i)).ToDictionary(t => (t.d.Code, t.d.Resource), t => t.i);
        void Offer(string a, string b, Resource r)
        {
            if (
                at.TryGetValue((a, r), out var i)
                && at.TryGetValue((b, r), out var j)
                && i != j
                && eligible[i].Centre.Area == eligible[j].Centre.Area
            )
                candidates.Add((Math.Min(i, j), Math.Max(i, j)));
        }
        foreach (var group in eligible.GroupBy(d => (d.Centre.Area, d.Resource)))
        {
            var list = group.ToList();
            foreach (var d in list)
            foreach (
                var o in list.Where(o => o != d)
                    .OrderBy(o => Itinerants.PairCost(d.Centre, o.Centre, d.Resource.StageOf()))
                    .ThenBy(o => o.Code, StringComparer.Ordinal)
                    .Take(PairCandidates)
            )
                Offer(d.Code, o.Code, d.Resource);
        }
        static Resource Of(Stage s) => s == Stage.Primary ? Resource.PrimaryItinerant : Resource.SecondaryItinerant;
        // The start's groups, and a re-plan's parent's: a pair the model cannot form, it cannot keep.
        foreach (var from in parent is null ? [hint] : new[] { hint, parent })
        foreach (var g in AreaStages().SelectMany(k => from.GroupsOf(k.Area, k.Stage)))
            for (var i = 0; i < g.Codes.Length; i++)
            for (var j = i + 1; j < g.Codes.Length; j++)
                Offer(g.Codes[i], g.Codes[j], Of(g.Stage));
        foreach (var (a, b, stage) in problem.CurrentPairs)
            Offer(a, b, Of(stage));
        foreach (var h in problem.Locks.Where(h => h.Resource.IsItinerant() && h.Amount == 1 && h.Partner is not null))
        {
            Offer(h.Code, h.Partner!, h.Resource);
            // The parent's partners a pinned pair leaves alone may pair with each other: the change stops there.
            if (parent is null)
                continue;
            var left = new[] { h.Code, h.Partner! }
                .SelectMany(c =>
                    AreaStages()
                        .SelectMany(k => parent.GroupsOf(k.Area, k.Stage))
                        .Where(g => g.Stage == h.Resource.StageOf() && g.Codes.Contains(c))
                        .SelectMany(g => g.Codes)
                )
                .Where(c => c != h.Code && c != h.Partner)
                .Distinct()
                .ToList();
            foreach (var a in left)
            foreach (var b in left)
                Offer(a, b, h.Resource);
        }
        return candidates;
    }

    private void AddOneShareEach(Demand d) =>
        Name(Model.Add(paired[d] <= 1), $"{d.Code} holds at most one {d.Resource.Name()} share");

    /// <summary>
    /// A share locked to 1 or 0, and with a partner named, no pair with any other centre. A 0 with a partner forbids
    /// that one pair only (left out of the candidates), as the greedy allocator and the contract read it.
    /// </summary>
    private void AddLockedShare(Demand d)
    {
        if (problem.Lock(d.Code, d.Resource) is not { } lk || lk is { Amount: 0, Partner: not null })
            return;
        Name(Model.Add(paired[d] == lk.Amount), $"lock: {d.Code} {d.Resource.Name()} = {lk.Amount} (locks.csv)");
        if (lk is { Amount: 1, Partner: { } partner })
            AddLockedPartner(d, partner);
    }

    private void AddLockedPartner(Demand d, string partner)
    {
        foreach (
            var p in pairs.Where(p =>
                (p.A == d) != (p.B == d) && (p.A == d || p.B == d) && p.A.Code != partner && p.B.Code != partner
            )
        )
            Name(Model.Add(p.X == 0), $"lock: {d.Code} {d.Resource.Name()} only with {partner} (locks.csv)");
    }

    private static void Name(Constraint c, string name) => c.Proto.Name = name;

    private LinearExpr Allocated(Demand d) => d.Resource.IsItinerant() ? paired[d] : LinearExpr.Sum(units[d]);

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
