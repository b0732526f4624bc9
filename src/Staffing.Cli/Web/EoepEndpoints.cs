using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Staffing.Cli.Web;

/// <summary>/api/eoep: each EOEP team's week, person by person.</summary>
internal static class EoepEndpoints
{
    public static void Map(WebApplication app, Views views) =>
        app.MapGet("/api/eoep", (long? run) => views.With(run, view => Results.Json(Week(view), WebJson.Default.EoepDocument)))
            .RequireAuthorization(Access.Reader)
            .WithName("EoepWeek")
            .WithSummary(
                "Each EOEP team's week: its people by weekday, each day the centre (with its name) or reserved"
            );

    /// <summary>
    /// Every team's week with every person eoep.csv gives it (ids as in eoep-schedule.csv), each weekday a centre,
    /// reserved, or free; a team with no compensatory days this year still shows its people.
    /// </summary>
    public static EoepDocument Week(RunsApi.View view)
    {
        var teams = view.Scenario.Teams ?? [];
        var slots = (view.Plan.Schedule ?? []).ToLookup(s => s.Eoep);
        return new EoepDocument([
            .. teams
                .OrderBy(t => t.Code, StringComparer.Ordinal)
                .Select(t =>
                {
                    var byPerson = slots[t.Code].ToLookup(s => s.Person);
                    var roster = Enumerable
                        .Range(1, t.Psychopedagogues)
                        .Select(n => (Person: $"{t.Code}-psy-{n.ToString(CultureInfo.InvariantCulture)}", Role: "psychopedagogue"))
                        .Concat(
                            Enumerable
                                .Range(1, t.Ptsc)
                                .Select(n => (Person: $"{t.Code}-ptsc-{n.ToString(CultureInfo.InvariantCulture)}", Role: "ptsc"))
                        )
                        .Concat(slots[t.Code].Select(s => (s.Person, s.Role)))
                        .Distinct()
                        .ToList();
                    return new EoepTeamWeek(
                        t.Code,
                        t.Name,
                        t.Area,
                        [
                            .. roster.Select(p =>
                            {
                                var byDay = byPerson[p.Person].ToDictionary(s => s.Weekday);
                                return new EoepPersonWeek(
                                    p.Person,
                                    p.Role,
                                    [
                                        .. Vocabulary.Weekdays.Select(
                                            (w, i) =>
                                                byDay.TryGetValue(i, out var slot)
                                                    ? new EoepDay(
                                                        w,
                                                        slot.Centre,
                                                        slot.Centre is null ? null : view.Scenario.Find(slot.Centre)?.Name,
                                                        slot.Centre is null
                                                    )
                                                    : new EoepDay(w, null, null, false)
                                        ),
                                    ]
                                );
                            }),
                        ],
                        slots[t.Code].Count(s => s.Centre is not null)
                    );
                }),
        ]);
    }

}
