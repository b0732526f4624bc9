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
        CsvFile.Write(Path.Combine(folder, "plan.csv"), plan.Lines.Select(l =>
            new PlanCsvRow(l.Code, l.Resource, l.Entitled, l.Allocated, l.Shortfall, l.Rules, l.Funding, l.Reason)));
        WriteItinerants(Path.Combine(folder, "itinerants.csv"), scenario.Policy.ItinerantShare, plan.Itinerants);
        if (plan.Schedule is { } schedule)
            CsvFile.Write(Path.Combine(folder, "eoep-schedule.csv"), schedule.Select(s =>
                new ScheduleCsvRow(s.Eoep, s.Person, s.Role, Vocabulary.Weekdays[s.Weekday], s.Centre)));
        CsvFile.Write(Path.Combine(folder, "indicators.csv"), PlanIndicators.Of(scenario, plan).Select(i =>
            new IndicatorCsvRow(i.Code, i.Stage, i.Compensatory, i.GroupsNeeded, i.SupportHoursPerPupil, i.Flag, i.SaiReferral,
                i.SpecificGroups, i.AceGroups)));
        File.WriteAllText(Path.Combine(folder, "summary.json"), Summary(scenario, plan), new UTF8Encoding(false));
    }

    /// <summary>itinerants.csv: a centre and a days column per centre a teacher can serve, so its width follows the policy.</summary>
    private static void WriteItinerants(string path, int share, IEnumerable<ItinerantTeacher> teachers)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        using var csv = CsvFile.Writer(w);
        var letters = Enumerable.Range(0, share).Select(i => ((char)('a' + i)).ToString()).ToList();
        foreach (var h in new[] { "teacher", "stage" }.Concat(letters.Select(l => "centre_" + l))
            .Concat(letters.Select(l => "days_" + l)).Concat(["same_locality", "km"])) csv.Field(h);
        csv.NextRecord();
        foreach (var t in teachers)
        {
            foreach (var cell in new object?[] { t.Id, t.Stage.Name() }.Concat(t.Centres).Concat(t.Days.Cast<object?>())
                .Concat([t.SameLocality, t.Km?.ToString("0.0", CultureInfo.InvariantCulture)])) csv.Field(cell);
            csv.NextRecord();
        }
    }

    public static string Summary(Scenario scenario, Plan plan)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("status", plan.Status);
            w.WriteStartObject("solver");
            w.WriteString("name", plan.Solver.Name);
            w.WriteString("version", plan.Solver.Version);
            w.WriteString("parameters", plan.Solver.Parameters);
            w.WriteNumber("workers", plan.Solver.Workers);
            w.WriteNumber("seed", plan.Solver.Seed);
            w.WriteEndObject();
            w.WriteString("input_hash", plan.InputHash);
            w.WriteNumber("seconds", Math.Round(plan.Seconds, 3));
            w.WriteStartArray("levels");
            foreach (var l in plan.Levels)
            {
                w.WriteStartObject();
                w.WriteString("name", l.Name);
                w.WriteNumber("objective", l.Objective);
                Nullable(w, "bound", l.Bound);
                NullableGap(w, "gap", l.Gap);
                w.WriteNumber("seconds", Math.Round(l.Seconds, 3));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            var last = plan.Levels.LastOrDefault();
            if (last is null) { w.WriteNull("objective"); w.WriteNull("bound"); w.WriteNull("gap"); }
            else
            {
                w.WriteNumber("objective", last.Objective);
                Nullable(w, "bound", last.Bound);
                NullableGap(w, "gap", last.Gap);
            }
            Totals(w, "areas", scenario, plan.Lines.Where(l => l.Funding == Funding.Pool));
            Totals(w, "agreement", scenario, plan.Lines.Where(l => l.Funding == Funding.Agreement));
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Nullable(Utf8JsonWriter w, string name, long? v)
    {
        if (v is { } x) w.WriteNumber(name, x); else w.WriteNull(name);
    }

    private static void NullableGap(Utf8JsonWriter w, string name, double? v)
    {
        if (v is { } x) w.WriteNumber(name, Math.Round(x, 6)); else w.WriteNull(name);
    }

    private static void Totals(Utf8JsonWriter w, string name, Scenario scenario, IEnumerable<PlanLine> lines)
    {
        var area = scenario.Centres.ToDictionary(c => c.Code, c => c.Area, StringComparer.Ordinal);
        w.WriteStartObject(name);
        foreach (var byArea in lines.GroupBy(l => area[l.Code]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject(byArea.Key);
            foreach (var byRes in byArea.GroupBy(l => l.Resource).OrderBy(g => g.Key))
            {
                w.WriteStartObject(byRes.Key.Name());
                var e = byRes.Sum(l => l.Entitled);
                var a = byRes.Sum(l => l.Allocated);
                w.WriteNumber("entitled", e);
                w.WriteNumber("allocated", a);
                w.WriteNumber("shortfall", e - a);
                w.WriteNumber("cost", a * scenario.Policy.CostPerUnit(byRes.Key));
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
