using System.Text;
using System.Text.Encodings.Web;
using Staffing.Cli.Localization;
using Staffing.Io;
using Staffing.Rules;

namespace Staffing.Cli.Reports;

/// <summary>What every page of the HTML report says the same way: anchors, links to a centre, shortfall marks.</summary>
internal static class ReportHtml
{
    /// <summary>A centre's anchor in this language's body.</summary>
    public static string Id(string code, string? language = null) => (language ?? Language.Current) + "-c-" + code;

    /// <summary>A rule's words, once in this language's body of the index (the same for every centre).</summary>
    public static string RuleAnchor(string rule, string? language = null) => (language ?? Language.Current) + "-rule-" + rule;

    /// <summary>A link to a centre: on this page, or on the page of the report that holds it.</summary>
    public static string Href(ReportPaging? paging, string code) =>
        (paging is not null && paging.PageOf.TryGetValue(code, out var page) ? page : "") + "#" + Id(code);

    public static string? Short(long shortfall) => shortfall > 0 ? "short" : null;

    public static string ShortfallOf(IEnumerable<PlanRow> lines) =>
        Units.Shortfall(lines.Select(l => (l.Resource, l.Funding, l.Shortfall)));

}

/// <summary>
/// The centres of one page in the current language: each with its plan rows and, with the scenario, the trace of the
/// rules, each applied rule linked to the regulation's words (<paramref name="index"/>: the page holding them, "" for
/// this one). Written directly, the labels and the words of a rule's instruction and reading looked up once a page: a
/// country's report holds 28,000 centres (measured: the component renderer and the look-ups were most of its time).
/// </summary>
internal sealed class CentreHtml(string index, HtmlEncoder encoder)
{
    /// <summary>The page's language, read once (not for every explanation of every centre).</summary>
    private readonly string language = Language.Current;

    private readonly string linesHeader = Header(
        encoder,
        [.. new[] { "resource", "entitled", "allocated", "rules", "funding", "reason" }.Select(Columns.Label)]
    );

    private readonly string traceHeader = Header(
        encoder,
        [
            Columns.Label("rule"),
            Texts.ReportInstruction,
            Texts.ReportApplied,
            Texts.ReportBecause,
            Texts.ReportRegulationSays,
            Texts.ReportProjectReading,
        ]
    );

    private readonly string link = encoder.Encode(Texts.ReportRegulationLink);
    private readonly string yes = encoder.Encode(Words.YesNo(true));
    private readonly string no = encoder.Encode(Words.YesNo(false));
    private readonly string shortfall = Texts.ReportCentreShortfall;

    /// <summary>The words of explanations without arguments (a rule's instruction, most readings), once each.</summary>
    private readonly Dictionary<string, string> fixedWords = new(StringComparer.Ordinal);

    private readonly Dictionary<Enum, string> words = [];

    private static string Header(HtmlEncoder encoder, IEnumerable<string> columns) =>
        "<tr>" + string.Concat(columns.Select(c => "<th>" + encoder.Encode(c) + "</th>")) + "</tr>\n";

    private string Read(Explanation e)
    {
        if (!e.Args.IsEmpty)
            return encoder.Encode(Explain.Wording.Read(e, language));
        if (!fixedWords.TryGetValue(e.Key, out var text))
            fixedWords[e.Key] = text = encoder.Encode(Explain.Wording.Read(e, language));
        return text;
    }

    private string Word(Enum value)
    {
        if (!words.TryGetValue(value, out var text))
            words[value] = text = encoder.Encode(Explain.Wording.Word(value));
        return text;
    }

    public string Write(ReportCentre centre)
    {
        var h = new StringBuilder(4096);
        h.Append("<details id=\"").Append(encoder.Encode(ReportHtml.Id(centre.Code, language))).Append("\">\n<summary>");
        h.Append(encoder.Encode(centre.Code)).Append(' ').Append(encoder.Encode(centre.Centre?.Name ?? "")).Append(' ');
        if (centre.Centre is { } c)
            h.Append("<span class=\"muted\">").Append(encoder.Encode($"{c.Kind}, {c.Locality}")).Append("</span>");
        h.Append(' ');
        if (centre.Shortfall > 0)
            h.Append(encoder.Encode(Say.Format(shortfall, ReportHtml.ShortfallOf(centre.Lines))));
        h.Append("</summary>\n<table>\n").Append(linesHeader);
        foreach (var l in centre.Lines)
            h.Append(l.Shortfall > 0 ? "<tr class=\"short\">" : "<tr>")
                .Append("<td>").Append(Word(l.Resource))
                .Append("</td><td class=\"n\">").Append(l.Entitled)
                .Append("</td><td class=\"n\">").Append(l.Allocated)
                .Append("</td><td>").Append(encoder.Encode(l.Rules))
                .Append("</td><td>").Append(Word(l.Funding))
                .Append("</td><td>").Append(Read(l.Reason))
                .Append("</td></tr>\n");
        h.Append("</table>\n");
        if (centre.Trace is { } trace)
        {
            h.Append("<table>\n").Append(traceHeader);
            foreach (var t in trace)
            {
                h.Append("<tr><td>").Append(encoder.Encode(t.Rule))
                    .Append("</td><td>").Append(Read(t.Instruction))
                    .Append("</td><td>").Append(t.Applied ? yes : no)
                    .Append("</td><td>").Append(Read(t.Because))
                    .Append("</td><td>");
                if (t.Applied)
                    h.Append("<a href=\"").Append(encoder.Encode(index + "#" + ReportHtml.RuleAnchor(t.Rule, language))).Append("\">")
                        .Append(link).Append("</a>");
                h.Append("</td><td>")
                    .Append(t.Applied || EntitlementWriter.DecidedByReading(t) ? Read(t.Reading) : "")
                    .Append("</td></tr>\n");
            }
            h.Append("</table>\n");
        }
        return h.Append("</details>").ToString();
    }
}
