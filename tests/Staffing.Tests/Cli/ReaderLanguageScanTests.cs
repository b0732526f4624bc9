using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Cli;

/// <summary>
/// Everything a person reads, in one language, holds nothing of the other: every command on the sample and on
/// Madrid, its standard output and error, the excel-es tables, the workbooks' strings, the HTML report (the body in
/// that language) and the notices. In Spanish: no resource code standing alone, no English word of a list, no number
/// written with a decimal point. In English: no Spanish word of a list. Code spans (`…`), the regulation's own words
/// («…», "[…] …") and a policy setting as policy.json takes it (cra_requires_priority=true) are quotations.
/// </summary>
public sealed partial class ReaderLanguageScanTests
{
    [GeneratedRegex(
        @"(?<![\w(=`/.-])(primary_support|secondary_support|cra_itinerant|primary_itinerant|secondary_itinerant|psychopedagogue_days|ptsc_days|secondary_ptsc)(?![\w)=`])"
    )]
    internal static partial Regex BareCode();

    [GeneratedRegex(
        @"\b(pool short|team full|entitled|allocated|the rules give|over-staffed|under-staffed|centres?|pupils|teachers?|days a week|monday|tuesday|wednesday|thursday|friday|true|false|shortfall|region|locality|psychopedagogues?)\b",
        RegexOptions.IgnoreCase
    )]
    internal static partial Regex EnglishWord();

    /// <summary>A decimal point between digits; a Spanish thousands group ("1.845.000") and a version ("9.15.6755") are not.</summary>
    [GeneratedRegex(@"(?<![\w.,:/-])\d+(\.\d+)+(?![\w.])")]
    internal static partial Regex DottedNumber();

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+$")]
    private static partial Regex ThousandsGroups();

    [GeneratedRegex(@"\b(plazas?|cupo|dotación|alumnos|maestros?|días|lunes|martes|miércoles|jueves|viernes|insuficiente|según|déficit)\b")]
    private static partial Regex SpanishWord();

    [GeneratedRegex(@"(?m)^> .*$|`[^`\n]*`|«[^»]*»|""\[…\][^""\n]*""|'\[…\][^'\n]*'|\b[a-z]+(?:_[a-z]+)+=[\w.*-]+")]
    private static partial Regex Quoted();

    private static readonly string[] Scenarios = ["sample", "madrid"];

    /// <summary>Every command a person runs, into <paramref name="root"/>: what it printed and the files it wrote.</summary>
    private static List<(string Source, string Text)> Everything(string language, string root)
    {
        var read = new List<(string, string)>();
        var whatIf = Path.Combine(TempDir(), "w.json");
        File.WriteAllText(whatIf, """{"primary_ratio": 20}""");
        void Do(string name, params string[] args)
        {
            var (exit, output, error) = Run(["--lang", language, .. args]);
            Assert.True(exit == 0, $"{name}: {error}");
            read.Add((name + " stdout", output));
            read.Add((name + " stderr", error));
        }
        foreach (var name in Scenarios)
        {
            var s = Path.Combine(RepoRoot, "scenarios", name);
            var o = Path.Combine(root, name);
            string[] excel = ["--csv-dialect", "excel-es", "--xlsx"];
            Do($"{name} plan", ["plan", s, "--out", Path.Combine(o, "plan"), "--solver", "greedy", .. excel]);
            Do($"{name} entitlement", "entitlement", s);
            Do($"{name} audit", ["audit", s, "--out", Path.Combine(o, "audit"), .. excel]);
            Do($"{name} equity", "equity", s, "--solver", "greedy");
            Do($"{name} compare", ["compare", s, whatIf, "--out", Path.Combine(o, "compare"), "--solver", "greedy", .. excel]);
            Do($"{name} sweep", ["sweep", s, "--param", "primary_ratio=20:30:5", "--solver", "greedy", "--out", Path.Combine(o, "sweep"), .. excel]);
            Do($"{name} simulate", ["simulate", s, "--runs", "20", "--out", Path.Combine(o, "simulate"), .. excel]);
            Do($"{name} report", "report", Path.Combine(o, "plan"), "--out", Path.Combine(o, "report.html"));
            Do($"{name} workbook", "report", Path.Combine(o, "plan"), "--out", Path.Combine(o, "report.xlsx"));
            Do($"{name} verify", "verify", s, Path.Combine(o, "plan"));
            Do($"{name} notices", "notices", Path.Combine(o, "plan"), "--scenario", s, "--out", Path.Combine(o, "notices"), "--school-year", "2027-2028");
        }
        Do("rules", "rules");
        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            if (Path.GetExtension(file) is ".csv" or ".html" or ".xlsx" or ".txt")
                read.Add((Path.GetRelativePath(root, file), TextOf(file, language)));
        return read;
    }

    /// <summary>What a person reads of a file: a workbook's strings, a page's text in the language, a table's cells.</summary>
    private static string TextOf(string file, string language)
    {
        if (file.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            using var zip = ZipFile.OpenRead(file);
            return string.Join(
                "\n",
                zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
                    .Select(e =>
                    {
                        using var r = new StreamReader(e.Open());
                        var xml = r.ReadToEnd();
                        // Strings only: shared, inline, and the sheets' names.
                        return string.Join(
                            "\n",
                            Regex.Matches(xml, @"<t[^>]*>([^<]*)</t>|<sheet [^>]*name=""([^""]*)""").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value + m.Groups[2].Value))
                        );
                    })
            );
        }
        var text = File.ReadAllText(file);
        if (!file.EndsWith(".html", StringComparison.Ordinal))
            return text;
        var other = language == "es" ? "en" : "es";
        text = Regex.Replace(text, @"<(script|style)[^>]*>.*?</\1>", " ", RegexOptions.Singleline);
        text = Regex.Replace(text, $@"<div class=""body lang-{other}"".*?(?=<div class=""body lang-{language}""|</body>)", " ", RegexOptions.Singleline);
        // What the page marks as the other language (the regulation's words quoted in an English page) is a quotation.
        text = Regex.Replace(text, $@"<(blockquote|q|span|p)[^>]*\blang=""{other}""[^>]*>.*?</\1>", " ", RegexOptions.Singleline);
        return WebUtility.HtmlDecode(Regex.Replace(text, "<[^>]+>", " "));
    }

    internal static IEnumerable<string> Findings(string source, string text, params Regex[] offences)
    {
        var plain = Quoted().Replace(text, " ");
        foreach (var rx in offences)
            foreach (Match m in rx.Matches(plain))
            {
                if (rx == DottedNumber() && (ThousandsGroups().IsMatch(m.Value) || m.Groups[1].Captures.Count > 1))
                    continue;
                var from = Math.Max(0, m.Index - 60);
                yield return $"{source}: «{m.Value}» in …{plain[from..Math.Min(plain.Length, m.Index + m.Length + 30)].ReplaceLineEndings(" ")}…";
            }
    }

    [Fact]
    public void ASpanishReaderMeetsNoBareCodeNoEnglishWordAndNoDecimalPoint()
    {
        var found = Everything("es", TempDir())
            .SelectMany(t => Findings(t.Source, t.Text, BareCode(), EnglishWord(), DottedNumber()))
            .ToList();
        Assert.True(found.Count == 0, $"{found.Count} findings:\n" + string.Join("\n", found.Take(40)));
    }

    [Fact]
    public void AnEnglishReaderMeetsNoSpanishWord()
    {
        var found = Everything("en", TempDir()).SelectMany(t => Findings(t.Source, t.Text, SpanishWord())).ToList();
        Assert.True(found.Count == 0, $"{found.Count} findings:\n" + string.Join("\n", found.Take(40)));
    }
}
