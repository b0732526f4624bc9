using System.Globalization;
using System.Text;
using System.Text.Json;
using Staffing.Domain;
using Staffing.Rules;

namespace Staffing.Io;

/// <summary>The plan folder of the contract: plan.csv, itinerants.csv, eoep-schedule.csv, indicators.csv, summary.json.</summary>
public static class PlanWriter
{
    public static void Write(string folder, Scenario scenario, Plan plan)
    {
        CsvFile.Write(
            Path.Combine(folder, "plan.csv"),
            plan.Lines.Select(l => new PlanCsvRow(
                l.Code,
                l.Resource,
                l.Entitled,
                l.Allocated,
                l.Shortfall,
                l.Rules,
                l.Funding,
                l.Reason
            ))
        );
        WriteItinerants(Path.Combine(folder, "itinerants.csv"), scenario.Policy.ItinerantShare, plan.Itinerants);
        if (plan.Schedule is { } schedule)
            CsvFile.Write(
                Path.Combine(folder, "eoep-schedule.csv"),
                schedule.Select(s => new ScheduleCsvRow(
                    s.Eoep,
                    s.Person,
                    s.Role,
                    Vocabulary.Weekdays[s.Weekday],
                    s.Centre
                ))
            );
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
        File.WriteAllText(Path.Combine(folder, "summary.json"), Summary(scenario, plan), new UTF8Encoding(false));
    }

    /// <summary>itinerants.csv: a centre and a days column per centre a teacher can serve, so its width follows the policy.</summary>
    private static void WriteItinerants(string path, int share, IEnumerable<ItinerantTeacher> teachers)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        using var csv = CsvFile.Writer(w);
        var letters = Enumerable.Range(0, share).Select(i => ((char)('a' + i)).ToString()).ToList();
        foreach (
            var h in new[] { "teacher", "stage" }
                .Concat(letters.Select(l => "centre_" + l))
                .Concat(letters.Select(l => "days_" + l))
                .Concat(["same_locality", "km"])
        )
            csv.Field(h);
        csv.NextRecord();
        foreach (var t in teachers)
        {
            foreach (
                var cell in new object?[] { t.Id, t.Stage.Name() }
                    .Concat(t.Centres)
                    .Concat(t.Days.Cast<object?>())
                    .Concat([t.SameLocality, t.Km?.ToString("0.0", CultureInfo.InvariantCulture)])
            )
                csv.Field(cell);
            csv.NextRecord();
        }
    }

    public static string Summary(Scenario scenario, Plan plan) =>
        JsonSerializer.Serialize(Documents.Summary(scenario, plan), StaffingJson.Default.PlanSummary) + "\n";
}
