using Staffing.Solver;
using System.Collections.Immutable;
using System.Globalization;
using Staffing.Domain;
using Staffing.Rules;

namespace Staffing.Allocation;

/// <summary>Turns an allocator's decisions into the plan people read: lines with reasons, teachers, the EOEP week.</summary>
public static class PlanBuilder
{
    public static Plan Build(AllocationProblem problem, AllocatorResult result, double seconds, string inputHash)
    {
        var d = result.Decisions;
        var grouped = d.Groups.SelectMany(g => g.Codes.Select(c => (c, g.Stage))).ToHashSet();
        int Allocated(Demand x) =>
            x.Resource.IsItinerant() ? (grouped.Contains((x.Code, x.Resource.StageOf())) ? 1 : 0)
            : x.Funding == Funding.Pool ? d.Of(x.Code, x.Resource)
            : x.Entitled;

        var used = new Dictionary<Capacity, int>();
        foreach (var x in problem.Demands.Where(x => !x.Resource.IsItinerant()))
        foreach (var cap in problem.CapacitiesOf(x))
            used[cap] = used.GetValueOrDefault(cap) + Allocated(x);
        foreach (var g in d.Groups)
        {
            var r = g.Stage == Stage.Primary ? Resource.PrimaryItinerant : Resource.SecondaryItinerant;
            if (problem.Find(g.Codes[0], r) is { } first)
                foreach (var cap in problem.CapacitiesOf(first))
                    used[cap] = used.GetValueOrDefault(cap) + 1;
        }

        var context = new ReasonContext(problem, d, used, Allocated);
        var lines = ImmutableArray.CreateBuilder<PlanLine>();
        foreach (var x in problem.Demands.OrderBy(x => x.Code, StringComparer.Ordinal).ThenBy(x => x.Resource))
        {
            var a = Allocated(x);
            var reason = a < x.Entitled ? Reason(context, x, a) : Explanation.None;
            lines.Add(new PlanLine(x.Code, x.Resource, x.Entitled, a, x.Rules, x.Funding, reason));
        }
        var planLines = lines.ToImmutable();
        var status =
            planLines.All(l => l.Shortfall == 0) ? "ENTITLEMENT"
            : result.Proven ? "OPTIMAL"
            : "FEASIBLE";
        return new Plan(
            planLines,
            Teachers(problem, d.Groups),
            Schedule(problem, d),
            status,
            result.Solver,
            result.Levels,
            seconds,
            inputHash
        );
    }

    /// <summary>What every shortfall reason reads, computed once per plan.</summary>
    private sealed class ReasonContext
    {
        public AllocationProblem Problem { get; }
        public Decisions Decisions { get; }
        public Dictionary<Capacity, int> Used { get; }
        public Func<Demand, int> AllocatedOf { get; }
        public Dictionary<Capacity, int> Entitled { get; } = [];
        public Dictionary<(Capacity, int, int), int> AtRatio { get; } = [];
        public Dictionary<(string, Resource), int> Eligible { get; } = [];

        public ReasonContext(
            AllocationProblem problem,
            Decisions decisions,
            Dictionary<Capacity, int> used,
            Func<Demand, int> allocatedOf
        )
        {
            (Problem, Decisions, Used, AllocatedOf) = (problem, decisions, used, allocatedOf);
            foreach (var d in problem.Demands)
            {
                if (d.Resource.IsItinerant())
                    Eligible[(d.Centre.Area, d.Resource)] = Eligible.GetValueOrDefault((d.Centre.Area, d.Resource)) + 1;
                var key = Ratio(allocatedOf(d), d.Entitled);
                foreach (var c in problem.CapacitiesOf(d))
                {
                    Entitled[c] = Entitled.GetValueOrDefault(c) + d.Entitled;
                    AtRatio[(c, key.Item1, key.Item2)] = AtRatio.GetValueOrDefault((c, key.Item1, key.Item2)) + 1;
                }
            }
        }

        public static (int, int) Ratio(int a, int e)
        {
            static int Gcd(int x, int y) => y == 0 ? x : Gcd(y, x % y);
            var g = Math.Max(1, Gcd(a, e));
            return (a / g, e / g);
        }
    }

    private static Explanation Reason(ReasonContext context, Demand x, int allocated)
    {
        var (problem, d, used, allocatedOf) = (context.Problem, context.Decisions, context.Used, context.AllocatedOf);
        var p = problem.Policy;
        if (
            problem.Lock(x.Code, x.Resource) is { } lk
            && (x.Resource.IsItinerant() ? lk.Amount == 0 : lk.Amount == allocated)
        )
            return Explanation.Of(nameof(Texts.ReasonLock), x.Resource, lk.Amount);
        if (x.Resource == Resource.SecondaryPtsc)
        {
            var support = problem.Find(x.Code, Resource.SecondarySupport) is { } s ? allocatedOf(s) : 0;
            if (support < p.SecondaryPtscMinSupport)
                return Explanation.Of(
                    nameof(Texts.ReasonNoSecondaryPtsc),
                    SPtsc.Id,
                    Explanation.Count(support, nameof(Texts.ReasonSecondaryPostsOne), nameof(Texts.ReasonSecondaryPostsMany)),
                    p.SecondaryPtscMinSupport
                );
        }
        if (x.Resource.IsItinerant())
        {
            var eligible = context.Eligible[(x.Centre.Area, x.Resource)];
            var pool = problem.CapacitiesOf(x).Where(c => c.Pool is not null).OrderBy(c => c.Amount).FirstOrDefault();
            object[] facts =
            [
                eligible,
                Explanation.Of(x.Resource.StageOf() == Stage.Primary ? nameof(Texts.ReasonPrimary) : nameof(Texts.ReasonSecondary)),
                x.Centre.Area,
                p.ItinerantShare,
                p.ItinerantGroupMax,
            ];
            return pool is null
                ? Explanation.Of(nameof(Texts.ReasonItinerantsAllInUse), [x.Centre.Area, .. facts])
                : Explanation.Of(
                    nameof(Texts.ReasonItinerantTeachersAllInUse),
                    [
                        pool.Label,
                        Explanation.Count(pool.Amount, nameof(Texts.ReasonTeachersOne), nameof(Texts.ReasonTeachersMany)),
                        .. facts,
                    ]
                );
        }
        var full = problem.CapacitiesOf(x).Where(c => used.GetValueOrDefault(c) + 1 > c.Amount).ToList();
        var binding =
            full.FirstOrDefault(c => c.Team is null && c.Pool is null)
            ?? full.FirstOrDefault(c => c.Team is not null)
            ?? full.FirstOrDefault();
        if (binding is null)
            return Explanation.Of(
                p.MaxLossPerCentre is not null ? nameof(Texts.ReasonContinuity) : nameof(Texts.ReasonPoolShort)
            );
        if (binding.Pool is null && binding.Team is null)
            return Explanation.Of(nameof(Texts.ReasonNoTeam), x.Resource);
        var entitledThere = context.Entitled[binding];
        var pct = Percent(allocated, x.Entitled);
        var ratio = ReasonContext.Ratio(allocated, x.Entitled);
        var alike = context.AtRatio[(binding, ratio.Item1, ratio.Item2)] - 1;
        var at = alike == 0 ? Explanation.Of(nameof(Texts.ReasonAt), allocated, x.Entitled)
            : alike == 1 ? Explanation.Of(nameof(Texts.ReasonAtLikeOne), allocated, x.Entitled, pct)
            : Explanation.Of(nameof(Texts.ReasonAtLikeMany), allocated, x.Entitled, alike, pct);
        if (binding.Team is not null)
        {
            var team = problem.Scenario.Teams!.First(t => t.Code == binding.Team);
            var people = x.Resource == Resource.PsychopedagogueDays ? team.Psychopedagogues : team.Ptsc;
            return Explanation.Of(
                nameof(Texts.ReasonTeamFull),
                binding.Label,
                people,
                p.EoepDaysPerPerson,
                binding.Amount,
                entitledThere,
                at
            );
        }
        return Explanation.Of(nameof(Texts.ReasonPoolShortBy), binding.Label, entitledThere, binding.Amount, at);
    }

    private static Share Percent(int a, int e) => Share.Whole(e == 0 ? 0 : 100m * a / e);

    private static ImmutableArray<ItinerantTeacher> Teachers(
        AllocationProblem problem,
        ImmutableArray<ItinerantGroup> groups
    )
    {
        var result = new List<ItinerantTeacher>();
        foreach (
            var byAreaStage in groups
                .GroupBy(g => (g.Area, g.Stage))
                .OrderBy(g => g.Key.Area, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Stage)
        )
        {
            var n = 0;
            foreach (
                var g in byAreaStage
                    .Select(g => g.Codes.Order(StringComparer.Ordinal).ToImmutableArray())
                    .OrderBy(c => c[0], StringComparer.Ordinal)
            )
            {
                var centres = g.Select(c => problem.Scenario.Find(c)!).ToList();
                var (days, free) = Itinerants.Week(centres, byAreaStage.Key.Stage, problem.Policy);
                double? km = 0;
                for (var i = 1; i < centres.Count && km is not null; i++)
                    km += Itinerants.Km(centres[i - 1], centres[i]);
                var id = $"{byAreaStage.Key.Area}-{(byAreaStage.Key.Stage == Stage.Primary ? "P" : "S")}-{++n:000}";
                result.Add(
                    new ItinerantTeacher(
                        id,
                        byAreaStage.Key.Area,
                        byAreaStage.Key.Stage,
                        g,
                        days,
                        free,
                        centres.All(c => c.Locality == centres[0].Locality),
                        km is null ? null : Math.Round(km.Value, 1)
                    )
                );
            }
        }
        return [.. result.OrderBy(t => t.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The EOEP week by McNaughton's wrap-around: a team's days laid end to end over its people's weeks, so any
    /// allocation within the team's days fits, each centre on distinct weekdays, one centre per person a day.
    /// </summary>
    private static ImmutableArray<ScheduleSlot>? Schedule(AllocationProblem problem, Decisions d)
    {
        if (problem.Scenario.Teams is not { } teams)
            return null;
        var k = problem.Policy.EoepDaysPerPerson;
        var slots = new List<ScheduleSlot>();
        var byTeam = problem
            .Demands.Where(x => x.Resource.IsEoepDays() && x.Funding == Funding.Pool && x.Centre.Eoep is not null)
            .ToLookup(x => (x.Centre.Eoep!, x.Resource));
        foreach (var team in teams.OrderBy(t => t.Code, StringComparer.Ordinal))
        {
            foreach (
                var (resource, people, role, tag) in new[]
                {
                    (Resource.PsychopedagogueDays, team.Psychopedagogues, "psychopedagogue", "psy"),
                    (Resource.PtscDays, team.Ptsc, "ptsc", "ptsc"),
                }
            )
            {
                var units = byTeam[(team.Code, resource)]
                    .Select(x => (x, days: d.Of(x.Code, resource)))
                    .Where(t => t.days > 0)
                    .OrderByDescending(t => t.days)
                    .ThenBy(t => t.x, Comparer<Demand>.Create(AllocationProblem.TieOrder))
                    .SelectMany(t => Enumerable.Repeat(t.x.Code, t.days))
                    .ToList();
                for (var person = 0; person < people; person++)
                {
                    var id = $"{team.Code}-{tag}-{person + 1}";
                    var working = new Dictionary<int, string?>();
                    for (var j = 0; j < k; j++)
                    {
                        var s = person * k + j;
                        working[s % Policy.WeekDays] = s < units.Count ? units[s] : null;
                    }
                    for (var w = 0; w < Policy.WeekDays; w++)
                    {
                        if (!working.TryGetValue(w, out var centre))
                            slots.Add(new ScheduleSlot(team.Code, id, role, w, null));
                        else if (centre is not null)
                            slots.Add(new ScheduleSlot(team.Code, id, role, w, centre));
                    }
                }
            }
        }
        return [.. slots];
    }
}
