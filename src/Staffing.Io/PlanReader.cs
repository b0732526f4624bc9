using System.Text.Json;
using Staffing.Domain;

namespace Staffing.Io;

public static class PlanReader
{
    /// <summary>itinerants.csv's columns: a centre and a days column per letter a group can use.</summary>
    private static readonly string[] ItinerantColumns =
    [
        "teacher",
        "stage",
        "free_days",
        "same_locality",
        "km",
        .. Enumerable.Range('a', 26).SelectMany(l => new[] { $"centre_{(char)l}", $"days_{(char)l}" }),
    ];

    /// <remarks><paramref name="words"/>: how a folder written for people (excel-es) reads back.</remarks>
    /// <param name="known">Whether an explanation read back is one this program can word (else its words are kept).</param>
    public static PlanFiles Read(string folder, Func<Explanation, bool> known, IReadBack? words = null)
    {
        if (!Directory.Exists(folder))
            throw InputException.Single(Say.Format(Texts.NoPlanFolder, folder));
        var errors = new InputErrors();
        var options = new CsvOptions(Words: words);
        var lines = new List<PlanRow>();
        var planPath = Path.Combine(folder, "plan.csv");
        string[] planColumns =
        [
            "code",
            "resource",
            "entitled",
            "allocated",
            "shortfall",
            "rules",
            "funding",
            "reason",
            "name",
            "locality",
            "area",
            "reason_json",
        ];
        if (!File.Exists(planPath))
            errors.Add("plan.csv", 1, 1, Say.Format(Texts.FoundNoPlanFile, folder), Texts.ExpectedPlanFolder);
        else if (
            CsvTable.Read(
                planPath,
                "plan.csv",
                options,
                errors,
                planColumns,
                ["code", "resource", "entitled", "allocated", "funding"]
            )
                is { } t
            && errors.Count == 0
        )
            foreach (var row in t.Rows)
            {
                var r = new RowReader(t, row, errors);
                var code = r.Required("code");
                var resText = r.Required("resource");
                if (!Vocabulary.TryParseResource(resText, out var res))
                    r.Error("resource", InputErrors.Quote(resText), Say.Format(Texts.ExpectedOneOf, Vocabulary.ResourceList));
                var e = r.Int("entitled") ?? 0;
                var a = r.Int("allocated") ?? 0;
                var f = r.Required("funding");
                if (f is not ("pool" or "agreement"))
                    r.Error("funding", InputErrors.Quote(f), Say.Format(Texts.ExpectedOneOf, "pool, agreement"));
                if (!r.Failed)
                    lines.Add(
                        new PlanRow(
                            row.Line,
                            code,
                            res,
                            e,
                            a,
                            r.Text("rules") ?? "",
                            f == "pool" ? Funding.Pool : Funding.Agreement,
                            Reason(r.Text("reason") ?? "", r.Text("reason_json"), known)
                        )
                    );
            }

        var itinerants = new List<ItinerantRow>();
        var itPath = Path.Combine(folder, "itinerants.csv");
        if (
            File.Exists(itPath)
            && CsvTable.Read(itPath, "itinerants.csv", options, errors, ItinerantColumns, ["teacher", "stage"])
                is { } it
        )
        {
            // The columns as read (a header in words maps to its column), in the letters' order.
            var letters = ItinerantColumns
                .Where(c => c.StartsWith("centre_", StringComparison.Ordinal) && it.Has(c))
                .Select(c => c[7..])
                .ToList();
            foreach (var row in it.Rows)
            {
                var r = new RowReader(it, row, errors);
                var teacher = r.Required("teacher");
                var stageText = r.Required("stage");
                if (stageText is not ("primary" or "secondary"))
                    r.Error("stage", InputErrors.Quote(stageText), Say.Format(Texts.ExpectedOneOf, "primary, secondary"));
                var centres = new List<string>();
                var days = new List<int>();
                foreach (var l in letters)
                {
                    if (r.Text("centre_" + l) is not { } c)
                        continue;
                    centres.Add(c);
                    days.Add(r.Int("days_" + l, 0, 5) ?? 0);
                }
                var free = r.Int("free_days", 0, 5) ?? 0;
                if (!r.Failed)
                    itinerants.Add(
                        new ItinerantRow(
                            row.Line,
                            teacher,
                            stageText == "primary" ? Stage.Primary : Stage.Secondary,
                            centres,
                            days,
                            free
                        )
                    );
            }
        }

        List<ScheduleRow>? schedule = null;
        var sPath = Path.Combine(folder, "eoep-schedule.csv");
        if (
            File.Exists(sPath)
            && CsvTable.Read(
                sPath,
                "eoep-schedule.csv",
                options,
                errors,
                ["eoep", "person", "role", "weekday", "centre", "centre_name", "eoep_name"],
                ["eoep", "person", "role", "weekday"]
            )
                is { } st
        )
        {
            schedule = [];
            foreach (var row in st.Rows)
            {
                var r = new RowReader(st, row, errors);
                var role = r.Required("role");
                if (role is not ("psychopedagogue" or "ptsc"))
                    r.Error("role", InputErrors.Quote(role), Say.Format(Texts.ExpectedOneOf, "psychopedagogue, ptsc"));
                var day = Vocabulary.Weekdays.IndexOf(r.Required("weekday").ToLowerInvariant());
                if (day < 0)
                    r.Error("weekday", InputErrors.Quote(r.Text("weekday") ?? ""), "monday … friday");
                if (!r.Failed)
                    schedule.Add(
                        new ScheduleRow(row.Line, r.Required("eoep"), r.Required("person"), role, day, r.Text("centre"))
                    );
            }
        }
        if (errors.Count > 0)
            throw new InputException(errors.Messages, errors.Notes);
        return new PlanFiles(lines, itinerants, schedule);
    }

    /// <summary>summary.json as the record it is written from; a hand-edited one is answered with its position.</summary>
    public static PlanSummary ReadSummary(string folder)
    {
        var path = Path.Combine(folder, "summary.json");
        if (!File.Exists(path))
            throw InputException.Single("summary.json:1:1: " + Say.Format(Texts.NoSummary, folder));
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), StrictJson.Default.PlanSummary)
                ?? throw new JsonException("null", null, 0, 0);
        }
        catch (JsonException ex)
        {
            var what = ex.Path is { Length: > 0 } p ? Say.Format(Texts.FoundMisfit, p) : Texts.FoundMalformedJson;
            throw InputException.Single(
                $"summary.json:{(ex.LineNumber ?? 0) + 1}:{(ex.BytePositionInLine ?? 0) + 1}: "
                    + Say.Format(Texts.BadSummary, what)
            );
        }
    }

    /// <summary>The input_hash a plan folder's summary.json records, if it has one that says so (other tools' folders may not).</summary>
    public static string? InputHash(string folder)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "summary.json")));
            return
                doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("input_hash", out var h)
                && h.ValueKind == JsonValueKind.String
                && h.GetString() is { Length: > 19 } hash
                ? hash
                : null;
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>indicators.csv as the rows it is written from (empty when the folder has none).</summary>
    public static IReadOnlyList<IndicatorCsvRow> ReadIndicators(string folder, IReadBack? words = null)
    {
        var path = Path.Combine(folder, "indicators.csv");
        if (!File.Exists(path))
            return [];
        var errors = new InputErrors();
        var rows = new List<IndicatorCsvRow>();
        string[] columns =
        [
            "code",
            "stage",
            "compensatory",
            "groups_needed",
            "support_hours_per_pupil",
            "flag",
            "sai_referral",
            "specific_groups",
            "ace_groups",
        ];
        if (
            CsvTable.Read(path, "indicators.csv", new CsvOptions(Words: words), errors, columns, columns[..5]) is { } t
            && errors.Count == 0
        )
            foreach (var row in t.Rows)
            {
                var r = new RowReader(t, row, errors);
                var code = r.Required("code");
                var stageText = r.Required("stage");
                if (stageText is not ("primary" or "secondary"))
                    r.Error("stage", InputErrors.Quote(stageText), Say.Format(Texts.ExpectedOneOf, "primary, secondary"));
                var comp = r.Int("compensatory") ?? 0;
                var groups = r.Int("groups_needed") ?? 0;
                var hours = r.Decimal("support_hours_per_pupil", 0, 1000) ?? 0;
                var sai = r.Bool("sai_referral") ?? false;
                var specific = r.Int("specific_groups") ?? 0;
                var ace = r.Int("ace_groups") ?? 0;
                if (!r.Failed)
                    rows.Add(
                        new IndicatorCsvRow(
                            code,
                            stageText == "primary" ? Stage.Primary : Stage.Secondary,
                            comp,
                            groups,
                            (decimal)hours,
                            r.Text("flag") ?? "",
                            sai,
                            specific,
                            ace
                        )
                    );
            }
        if (errors.Count > 0)
            throw new InputException(errors.Messages, errors.Notes);
        return rows;
    }

    /// <summary>A line's reason: the value of its reason_json when it is one the program words, else its words.</summary>
    private static Explanation Reason(string words, string? json, Func<Explanation, bool> known) =>
        json is { Length: > 0 } && ExplanationJson.Read(json) is { } e && known(e) ? e : Explanation.Stored(words);
}
