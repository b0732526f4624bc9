using System.Globalization;
using System.Text;
using System.Text.Json;
using Staffing.Domain;
using Staffing.Rules;

namespace Staffing.Io;

/// <summary>The plan folder of the contract: plan.csv, itinerants.csv, eoep-schedule.csv, indicators.csv, summary.json.</summary>
public static class PlanWriter
{
    public static void Write(string folder, Scenario scenario, Plan plan, Wording wording)
    {
        // The files are independent: written side by side, each one whole.
        AllAtOnce(
            () =>
            {
                CsvFile.Write(
                    Path.Combine(folder, "plan.csv"),
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
                WriteItinerants(Path.Combine(folder, "itinerants.csv"), plan.Itinerants);
            },
            () =>
            {
                var teamNames = (scenario.Teams ?? [])
                    .Where(t => t.Name is not null)
                    .ToDictionary(t => t.Code, t => t.Name, StringComparer.Ordinal);
                if (plan.Schedule is { } schedule)
                    CsvFile.Write(
                        Path.Combine(folder, "eoep-schedule.csv"),
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
                CsvFile.Write(
                    Path.Combine(folder, "indicators.csv"),
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
                CsvFile.Write(
                    Path.Combine(folder, "indicators-areas.csv"),
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
                File.WriteAllText(
                    Path.Combine(folder, "summary.json"),
                    Summary(scenario, plan),
                    new UTF8Encoding(false)
                );
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
    private static void WriteItinerants(string path, IReadOnlyCollection<ItinerantTeacher> teachers)
    {
        var width = Math.Max(2, teachers.Select(t => t.Centres.Length).DefaultIfEmpty(0).Max());
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        using var csv = CsvFile.Writer(w);
        var letters = Enumerable.Range(0, width).Select(i => ((char)('a' + i)).ToString()).ToList();
        foreach (
            var h in new[] { "teacher", "stage" }
                .Concat(letters.Select(l => "centre_" + l))
                .Concat(letters.Select(l => "days_" + l))
                .Concat(["free_days", "same_locality", "km"])
        )
            csv.Field(h);
        csv.NextRecord();
        foreach (var t in teachers)
        {
            foreach (
                var cell in new object?[] { t.Id, t.Stage.Name() }
                    .Concat(Padded(t.Centres.Cast<object?>(), width))
                    .Concat(Padded(t.Days.Cast<object?>(), width))
                    .Concat([t.FreeDays, t.SameLocality, t.Km?.ToString("0.0", CultureInfo.InvariantCulture)])
            )
                csv.Field(cell);
            csv.NextRecord();
        }
    }

    private static IEnumerable<object?> Padded(IEnumerable<object?> cells, int width) =>
        cells.Concat(Enumerable.Repeat<object?>(null, width)).Take(width);

    public static string Summary(Scenario scenario, Plan plan) =>
        JsonSerializer.Serialize(Documents.Summary(scenario, plan), StaffingJson.Default.PlanSummary) + "\n";
}
