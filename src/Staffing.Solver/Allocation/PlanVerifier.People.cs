using Staffing.Solver;
using System.Globalization;
using Staffing.Domain;
using Staffing.Rules;

namespace Staffing.Allocation;

// The checks of the people: itinerant teachers (groups, days, pools) and the EOEP week (one place a weekday).
public static partial class PlanVerifier
{
    private static void Teachers(
        Scenario s,
        Dictionary<(string, Resource), EntitlementLine> entitled,
        Dictionary<(string, Resource), PlanRow> rows,
        PlanFiles plan,
        List<Violation> v
    )
    {
        var max = s.Policy.ItinerantGroupMax;
        var seen = new Dictionary<(string, Stage), string>();
        foreach (var t in plan.Itinerants)
        {
            var res = t.Stage == Stage.Primary ? Resource.PrimaryItinerant : Resource.SecondaryItinerant;
            var rule = t.Stage == Stage.Primary ? PItinerant.Id : SItinerant.Id;
            if (t.Centres.Count < 1 || t.Centres.Count > max)
                v.Add(
                    new(
                        t.Teacher,
                        res.Name(),
                        rule,
                        Explanation.Of(nameof(Texts.VerifyGroupSize), t.Centres.Count, max)
                    )
                );
            var areas = t.Centres.Select(c => s.Find(c)?.Area).Distinct().ToList();
            if (areas.Count > 1)
                v.Add(
                    new(t.Teacher, res.Name(), rule, Explanation.Of(nameof(Texts.VerifyAreas), string.Join(", ", areas)))
                );
            foreach (var c in t.Centres)
            {
                if (!entitled.ContainsKey((c, res)))
                    v.Add(
                        new(
                            c,
                            res.Name(),
                            rule,
                            Explanation.Of(t.Stage == Stage.Primary ? nameof(Texts.VerifyNotEligiblePrimary) : nameof(Texts.VerifyNotEligibleSecondary), t.Teacher)
                        )
                    );
                if (!seen.TryAdd((c, t.Stage), t.Teacher))
                    v.Add(
                        new(
                            c,
                            res.Name(),
                            rule,
                            Explanation.Of(t.Stage == Stage.Primary ? nameof(Texts.VerifyTwoSharesPrimary) : nameof(Texts.VerifyTwoSharesSecondary), seen[(c, t.Stage)], t.Teacher)
                        )
                    );
            }
            if (t.Days.Sum() + t.FreeDays != Policy.WeekDays || t.Days.Any(d => d < 1))
                v.Add(
                    new(
                        t.Teacher,
                        res.Name(),
                        rule,
                        Explanation.Of(nameof(Texts.VerifyDays), string.Join("+", t.Days), t.FreeDays)
                    )
                );
        }
        foreach (var row in rows.Values.Where(r => r.Resource.IsItinerant()))
        {
            var inPlan = seen.ContainsKey((row.Code, row.Resource.StageOf()));
            if ((row.Allocated == 1) != inPlan)
                v.Add(
                    new(
                        row.Code,
                        row.Resource.Name(),
                        row.Resource == Resource.PrimaryItinerant ? PItinerant.Id : SItinerant.Id,
                        Explanation.Of(inPlan ? nameof(Texts.VerifyPairedUnallocated) : nameof(Texts.VerifyAllocatedUnpaired), row.Allocated)
                    )
                );
        }
    }

    private static void Week(
        Scenario s,
        Dictionary<(string, Resource), PlanRow> rows,
        PlanFiles plan,
        List<Violation> v
    )
    {
        if (s.Teams is not { } teams)
            return;
        if (plan.Schedule is not { } schedule)
        {
            v.Add(new("*", "eoep", "EOEP", Explanation.Of(nameof(Texts.VerifyNoSchedule))));
            return;
        }
        var p = s.Policy;
        var byTeam = teams.ToDictionary(t => t.Code, StringComparer.Ordinal);
        foreach (var person in schedule.GroupBy(r => (r.Eoep, r.Person, r.Role)))
        {
            var (team, id, role) = person.Key;
            var rule = role == "psychopedagogue" ? PPsycho.Id : PPtsc.Id;
            if (!byTeam.TryGetValue(team, out var t))
            {
                v.Add(new(id, role, rule, Explanation.Of(nameof(Texts.VerifyNoTeam), team)));
                continue;
            }
            var tag = role == "psychopedagogue" ? "psy" : "ptsc";
            var people = role == "psychopedagogue" ? t.Psychopedagogues : t.Ptsc;
            if (
                !id.StartsWith($"{team}-{tag}-", StringComparison.Ordinal)
                || !int.TryParse(
                    id.AsSpan(team.Length + tag.Length + 2),
                    NumberStyles.None,
                    CultureInfo.InvariantCulture,
                    out var n
                )
                || n < 1
                || n > people
            )
                v.Add(new(id, role, rule, Explanation.Of(role == "psychopedagogue" ? nameof(Texts.VerifyNotPsychopedagogue) : nameof(Texts.VerifyNotPtsc), people, team)));
            foreach (var day in person.GroupBy(r => r.Weekday).Where(g => g.Count() > 1))
                v.Add(new(id, role, rule, Explanation.Of(nameof(Texts.VerifyPlaces), day.Count(), (Weekday)day.Key)));
            var working = person.Where(r => r.Centre is not null).Select(r => r.Weekday).Distinct().Count();
            if (working > p.EoepDaysPerPerson)
                v.Add(
                    new(
                        id,
                        role,
                        rule,
                        Explanation.Of(nameof(Texts.VerifyWorks), working, p.EoepDaysPerPerson)
                    )
                );
        }
        foreach (var res in new[] { Resource.PsychopedagogueDays, Resource.PtscDays })
        {
            var role = res == Resource.PsychopedagogueDays ? "psychopedagogue" : "ptsc";
            var rule = res == Resource.PsychopedagogueDays ? PPsycho.Id : PPtsc.Id;
            var visits = schedule.Where(r => r.Role == role && r.Centre is not null).ToList();
            foreach (var row in rows.Values.Where(r => r.Resource == res && r.Funding == Funding.Pool))
            {
                var mine = visits.Where(r => r.Centre == row.Code).ToList();
                if (mine.Count != row.Allocated)
                    v.Add(
                        new(
                            row.Code,
                            res.Name(),
                            rule,
                            Explanation.Of(nameof(Texts.VerifyScheduleDays), row.Allocated, mine.Count)
                        )
                    );
                if (mine.Select(r => r.Weekday).Distinct().Count() != mine.Count)
                    v.Add(new(row.Code, res.Name(), rule, Explanation.Of(nameof(Texts.VerifySameWeekday))));
                var own = s.Find(row.Code)?.Eoep;
                if (mine.Any(r => r.Eoep != own))
                    v.Add(new(row.Code, res.Name(), rule, Explanation.Of(nameof(Texts.VerifyOtherTeam), own ?? Texts.VerifyNone)));
            }
            foreach (var visit in visits.Where(r => !rows.ContainsKey((r.Centre!, res))))
                v.Add(
                    new(
                        visit.Centre!,
                        res.Name(),
                        rule,
                        Explanation.Of(nameof(Texts.VerifyVisited), (Weekday)visit.Weekday)
                    )
                );
        }
    }
}
