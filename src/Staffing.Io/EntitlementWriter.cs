using System.Globalization;
using System.Text;
using System.Text.Json;
using Staffing.Domain;
using Staffing.Rules;

namespace Staffing.Io;

/// <summary>The inspector's view of entitlements: csv and json for tools, text for people.</summary>
public static class EntitlementWriter
{
    public static Explanation Reason(EntitlementLine line, IReadOnlyList<TraceLine> trace) =>
        Explanation.Clauses([.. line.Rules.Split(';').Select(id => trace.First(t => t.Rule == id).Because)]);

    public static void Csv(TextWriter output, Policy p, IEnumerable<Centre> centres)
    {
        // A file of the contract: its reasons in English whatever the language.
        CsvFile.Write(
            output,
            centres.SelectMany(c =>
            {
                var e = RuleBook.Entitle(c, p);
                var trace = e.Lines.Length == 0 ? [] : RuleBook.Trace(c, p);
                return e
                    .Lines.OrderBy(l => l.Resource)
                    .Select(l => new EntitlementCsvRow(c.Code, l.Resource, l.Entitled, l.Rules, Wording.Domain.Contract(Reason(l, trace))));
            })
        );
    }

    /// <summary>Every cliff edge of every centre: one compensatory pupil more or fewer changes a number or a status.</summary>
    public static void NearThresholds(TextWriter output, Policy p, IEnumerable<Centre> centres)
    {
        // A file of the contract: its texts in English whatever the language.
        CsvFile.Write(
            output,
            centres.SelectMany(c =>
                CliffEdges
                    .Of(c, p)
                    .Select(e => new NearThresholdCsvRow(
                        c.Code,
                        e.Stage,
                        e.Change,
                        e.Resource,
                        e.From,
                        e.To,
                        e.Rule,
                        Wording.Domain.Contract(e.Text),
                        ExplanationJson.Write(e.Text)
                    ))
            )
        );
    }

    public static string Json(Policy p, IEnumerable<Centre> centres, Wording wording) =>
        JsonSerializer.Serialize(
            new EntitlementDocument(Documents.EntitlementSchema, [.. centres.Select(c => Documents.Centre(p, c, wording))]),
            StaffingJson.Default.EntitlementDocument
        ) + "\n";

    /// <remarks>
    /// For one centre the regulation's words stand under each rule that applied; for many, once per rule at the end
    /// (the same words for every centre), so a region's report stays readable.
    /// </remarks>
    public static void Text(TextWriter o, Policy p, IEnumerable<Centre> centres, Wording wording)
    {
        var list = centres as IReadOnlyCollection<Centre> ?? [.. centres];
        var inline = list.Count == 1;
        var applied = new HashSet<string>(StringComparer.Ordinal);
        var first = true;
        foreach (var c in list)
        {
            if (!first)
                o.WriteLine();
            first = false;
            var e = RuleBook.Entitle(c, p);
            var trace = RuleBook.Trace(c, p);
            o.WriteLine(
                Say.Format(
                    c.IsPublic ? Texts.TextCentrePublic : Texts.TextCentreConcertado,
                    c.Code,
                    c.Name,
                    c.Kind,
                    c.Locality,
                    c.Area
                )
            );
            foreach (var stage in new[] { Stage.Primary, Stage.Secondary })
                if (c.Teaches(stage))
                    o.WriteLine(
                        "  "
                            + Say.Format(
                                stage == Stage.Primary ? Texts.TextStagePrimary : Texts.TextStageEso,
                                c.Comp(stage),
                                c.Pupils(stage)
                            )
                            + (
                                c.Pupils(stage) > 0
                                    ? $" ({Figures.Percent(Share.Precise(100m * c.Comp(stage) / c.Pupils(stage)), Figures.Current)})"
                                    : ""
                            )
                    );
            o.WriteLine(Texts.TextEntitlement);
            if (e.Lines.Length == 0)
                o.WriteLine("  " + Texts.TextNothing);
            foreach (var l in e.Lines.OrderBy(l => l.Resource))
                o.WriteLine(
                    $"  {l.Entitled, 3} {Unit(l.Resource), -12} {wording.Word(l.Resource)} ({l.Rules}){(l.Funding == Funding.Agreement ? " " + Texts.TextByAgreement : "")}"
                );
            o.WriteLine(Texts.TextWhy);
            foreach (var t in trace)
            {
                o.WriteLine($"  [{(t.Applied ? "x" : " ")}] {t.Rule} ({wording.Read(t.Instruction)}): {wording.Read(t.Because)}");
                // The regulation's words where the rule gave something; the project's reading wherever it decided.
                if (t.Applied && inline)
                    o.WriteLine("        " + Say.Format(Texts.TextRegulation, wording.Read(t.Instruction), t.Text));
                if (t.Applied)
                    applied.Add(t.Rule);
                if (t.Applied || DecidedByReading(t))
                    o.WriteLine("        " + Say.Format(Texts.TextReading, wording.Read(t.Reading)));
            }
            var edges = CliffEdges.Of(c, p);
            if (edges.Count > 0)
            {
                o.WriteLine(Texts.TextCliffEdges);
                foreach (var edge in edges)
                    o.WriteLine("  " + wording.Read(edge.Text));
            }
        }
        if (inline || applied.Count == 0)
            return;
        o.WriteLine();
        o.WriteLine(Texts.TextRegulationWords);
        foreach (var rule in RuleBook.All.Where(r => applied.Contains(r.Id)))
            o.WriteLine($"  {rule.Id} ({wording.Read(rule.InstructionLabel)}): «{rule.Text}»");
    }

    /// <summary>A rule that did not apply because of a reading the text does not state (a concertado exclusion).</summary>
    public static bool DecidedByReading(TraceLine t) => Rule.DecidedByReading(t.Applied, t.Reading);

    /// <summary>The unit of a resource in the reader's words.</summary>
    private static string Unit(Resource r) =>
        r.Unit() switch
        {
            "days a week" => Texts.TextUnitDays,
            "shares" => Texts.TextUnitShares,
            _ => Texts.TextUnitPosts,
        };

    public static string Render(Action<TextWriter> write)
    {
        var sb = new StringBuilder();
        using (var w = new StringWriter(sb, CultureInfo.InvariantCulture) { NewLine = "\n" })
            write(w);
        return sb.ToString();
    }
}
