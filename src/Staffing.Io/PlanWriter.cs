using System.Globalization;
using System.Text;
using System.Text.Json;
using Staffing.Domain;
using Staffing.Rules;

namespace Staffing.Io;

/// <summary>The plan folder of the contract: plan.csv, itinerants.csv, eoep-schedule.csv, indicators.csv, summary.json.</summary>
public static class PlanWriter
{
    public static void Write(TableFolder folder, Scenario scenario, Plan plan, Wording wording)
    {
        // The files are independent: written side by side, each one whole.
        AllAtOnce(
            () =>
            {
                folder.Write("plan.csv",
                    plan.Lines.Select(l =>
                    {
                        var (name, locality, area) = CentreColumns.Of(scenario.Find(l.Code));
                        return new PlanCsvRow(
                            l.Code,
                            l.Resource,
                            l.Entitled,
                            l.Allocated,
                            l.Shortfall,
                            l.Rules,
                            l.Funding,
                            wording.Contract(l.Reason),
                            name,
                            locality,
                            area,
                            ExplanationJson.Write(l.Reason)
                        );
                    })
                );
            },
            () =>
            {
                folder.Write(Itinerants(plan.Itinerants));
            },
            () =>
            {
                var teamNames = (scenario.Teams ?? [])
                    .Where(t => t.Name is not null)
                    .ToDictionary(t => t.Code, t => t.Name, StringComparer.Ordinal);
                if (plan.Schedule is { } schedule)
                    folder.Write("eoep-schedule.csv",
                        schedule.Select(s => new ScheduleCsvRow(
                            s.Eoep,
                            s.Person,
                            s.Role,
                            Vocabulary.Weekdays[s.Weekday],
                            s.Centre,
                            s.Centre is null ? null : scenario.Find(s.Centre)?.Name,
                            teamNames.GetValueOrDefault(s.Eoep)
                        ))
                    );
            },
            () =>
            {
                folder.Write("indicators.csv",
                    PlanIndicators
                        .Of(scenario, plan)
                        .Select(i => new IndicatorCsvRow(
                            i.Code,
                            i.Stage,
                            i.Compensatory,
                            i.GroupsNeeded,
                            i.SupportHoursPerPupil,
                            i.Flag,
                            i.SaiReferral,
                            i.SpecificGroups,
                            i.AceGroups
                        ))
                );
            },
            () =>
            {
                folder.Write("indicators-areas.csv",
                    GAce.Areas(scenario.Centres, scenario.Policy)
                        .Select(a => new AceAreaCsvRow(
                            a.Area,
                            a.Centres,
                            a.AcePupils,
                            a.AceGroups,
                            scenario.Policy.AcePooling
                        ))
                );
            },
            () =>
            {
                folder.WriteText("summary.json", Summary(scenario, plan));
            }
        );
    }

    /// <summary>Runs the writes at once; a failure surfaces as itself (an IOException stays one), not an AggregateException.</summary>
    private static void AllAtOnce(params Action[] writes)
    {
        try
        {
            System.Threading.Tasks.Parallel.Invoke(writes);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
    }

    /// <summary>
    /// itinerants.csv: centre_a, centre_b and their days, with more columns (centre_c, …) only when a group has more
    /// than two centres (the contract); cells of smaller groups empty.
    /// </summary>
    private static Table Itinerants(IReadOnlyCollection<ItinerantTeacher> teachers)
    {
        var width = Math.Max(2, teachers.Select(t => t.Centres.Length).DefaultIfEmpty(0).Max());
        var letters = Enumerable.Range(0, width).Select(i => ((char)('a' + i)).ToString()).ToList();
        return new Table(
            "itinerants.csv",
            [
                .. new[] { "teacher", "stage" }
                    .Concat(letters.Select(l => "centre_" + l))
                    .Concat(letters.Select(l => "days_" + l))
                    .Concat(["free_days", "same_locality"])
                    .Select(name => new TableColumn(name)),
                new TableColumn("km", "0.0"),
            ],
            [
                .. teachers.Select(t =>
                    new object?[] { t.Id, t.Stage }
                        .Concat(Padded(t.Centres.Cast<object?>(), width))
                        .Concat(Padded(t.Days.Cast<object?>(), width))
                        .Concat([t.FreeDays, t.SameLocality, t.Km])
                        .ToArray()
                ),
            ]
        );
    }

    private static IEnumerable<object?> Padded(IEnumerable<object?> cells, int width) =>
        cells.Concat(Enumerable.Repeat<object?>(null, width)).Take(width);

    public static string Summary(Scenario scenario, Plan plan) =>
        JsonSerializer.Serialize(Documents.Summary(scenario, plan), StaffingJson.Default.PlanSummary) + "\n";
}
