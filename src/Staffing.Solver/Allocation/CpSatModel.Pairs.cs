using Google.OrTools.Sat;
using Staffing.Domain;
using Staffing.Rules;

namespace Staffing.Allocation;

// Itinerant shares: pairs among the nearest candidates, odd centres joining a group, a centre alone with a teacher of its own.
public sealed partial class ComponentModel
{
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
}
