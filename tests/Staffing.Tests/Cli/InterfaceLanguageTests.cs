using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Staffing.Allocation;
using Staffing.Io;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Cli;

/// <summary>The interface language: --lang, the environment's locale, texts in both languages, the contract unchanged.</summary>
public class InterfaceLanguageTests
{
    private static string BadScenario() =>
        Scenario(("centres.csv", "code,name,area,locality,kind,primary_pupils,primary_comp\n1,A,X,Y,CEIP,ten,3\n"));

    [Fact]
    public void LangEsAnswersInSpanishKeepingThePosition()
    {
        var (exit, _, err) = Run("entitlement", BadScenario(), "--lang", "es");
        Assert.Equal(2, exit);
        Assert.Contains("centres.csv:2:6: se encontró \"ten\", se esperaba un entero de 0 a 1000000 (primary_pupils)", err);
    }

    [Fact]
    public void LangEnAnswersInEnglishWhateverTheLocale()
    {
        var (exit, _, err) = RunWith(_ => "es_ES.UTF-8", "entitlement", BadScenario(), "--lang=en");
        Assert.Equal(2, exit);
        Assert.Contains("centres.csv:2:6: found \"ten\", expected an integer from 0 to 1000000 (primary_pupils)", err);
    }

    [Theory]
    [InlineData("LANG", "es_ES.UTF-8", "se encontró")]
    [InlineData("LANG", "C.UTF-8", "found")]
    [InlineData("LC_ALL", "es_MX", "se encontró")]
    public void TheLocaleChoosesTheDefault(string variable, string value, string expected)
    {
        var (_, _, err) = RunWith(v => v == variable ? value : null, "entitlement", BadScenario());
        Assert.Contains(": " + expected + " ", err);
    }

    [Fact]
    public void LcAllOverridesLang()
    {
        var env = new Dictionary<string, string> { ["LC_ALL"] = "en_GB.UTF-8", ["LANG"] = "es_ES.UTF-8" };
        var (_, _, err) = RunWith(env.GetValueOrDefault, "entitlement", BadScenario());
        Assert.Contains(": found ", err);
    }

    [Fact]
    public void AnUnknownLanguageIsAUsageError()
    {
        var (exit, _, err) = Run("plan", Sample, "--out", Path.Combine(TempDir(), "o"), "--lang", "fr");
        Assert.Equal(2, exit);
        Assert.Contains("fr", err);
    }

    [Fact]
    public void HelpIsWrittenInTheLanguageAsked()
    {
        var (exit, output, _) = Run("plan", "--help", "--lang", "es");
        Assert.Equal(0, exit);
        Assert.Contains("Repartir los cupos en un plan por centro", output);
        Assert.Contains("Opciones:", output);
        Assert.DoesNotContain("Allocate the pools", output);
    }

    [Fact]
    public void AMisspelledCommandIsAnsweredInSpanishToo()
    {
        var (exit, _, err) = Run("--lang", "es", "plann");
        Assert.Equal(2, exit);
        Assert.Contains("¿quería decir 'plan'?", err);
    }

    public static TheoryData<string[]> Writers =>
        [
            ["plan", "--solver", "greedy"],
            ["entitlement", "--format", "csv"],
            ["entitlement", "--near-thresholds"],
            ["audit"],
            ["equity", "--solver", "greedy"],
            ["compare", WhatIf, "--solver", "greedy"],
        ];

    /// <summary>Stands for a policy file of overrides in <see cref="Writers"/>.</summary>
    private const string WhatIf = "WHATIF";

    [Theory]
    [MemberData(nameof(Writers))]
    public void TheContractsFilesAreTheSameInBothLanguages(string[] command)
    {
        var policy = Path.Combine(TempDir(), "whatif.json");
        File.WriteAllText(policy, """{"primary_ratio": 20}""");
        var args = command[1..].Select(a => a == WhatIf ? policy : a).ToArray();
        string Written(params string[] more)
        {
            var folder = Path.Combine(TempDir(), "out");
            Assert.Equal(0, Run([command[0], Sample, .. args, "--out", folder, .. more]).Exit);
            return folder;
        }
        var (en, es) = (Written(), Written("--lang", "es"));
        var files = Directory.GetFiles(en, "*.csv").Select(Path.GetFileName).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
            Assert.Equal(File.ReadAllText(Path.Combine(en, file!)), File.ReadAllText(Path.Combine(es, file!)));
    }

    /// <summary>English words of the reasons that a full translation leaves no trace of.</summary>
    private static readonly Regex English = new(
        @"\b(pool short|team full|entitled|allocated|the rules give|over-staffed|under-staffed|centre|pupils|share|posts?|now applies|no longer)\b"
    );

    [Fact]
    public void EveryReasonOfTheSampleReadsInSpanish()
    {
        var s = ScenarioReader.Read(Sample);
        var variant = s with { Policy = With("""{"primary_ratio": 20, "priority_threshold": 0.2}""") };
        var (_, bp) = Staffing.Tests.Allocation.AllocationSupport.PlanOf(s, "greedy");
        var (_, vp) = Staffing.Tests.Allocation.AllocationSupport.PlanOf(variant, "greedy");
        var texts = bp
            .Lines.Select(l => l.Reason)
            .Concat(Audit.Lines(s).Select(l => l.Finding))
            .Concat(Staffing.WhatIf.Comparison.Compare(s, bp, variant, vp).Centres.Select(c => c.Reason))
            .Where(t => !t.IsNone)
            .Distinct()
            .ToList();
        Assert.NotEmpty(texts);
        foreach (var text in texts)
        {
            var spanish = text.In(Language.Spanish);
            Assert.False(English.IsMatch(spanish), $"{text.En()}\n→ {spanish}");
            Assert.DoesNotMatch(ReaderLanguageScanTests.BareCode(), spanish);
        }
        Assert.All(texts, t => Assert.DoesNotMatch(ReaderLanguageScanTests.BareCode(), t.In(Language.English)));
    }

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(file).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    public static TheoryData<string> ResourceFiles =>
        [
            .. Directory
                .GetFiles(Path.Combine(RepoRoot, "src"), "*.resx", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && Path.GetFileName(f).Split('.').Length == 2)
                .Select(f => Path.GetRelativePath(RepoRoot, f)),
        ];

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void EveryTextExistsInBothLanguagesWithTheSamePlaceholders(string neutral)
    {
        var english = Texts(Path.Combine(RepoRoot, neutral));
        var spanish = Texts(Path.Combine(RepoRoot, neutral.Replace(".resx", ".es.resx", StringComparison.Ordinal)));
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), spanish.Keys.Order(StringComparer.Ordinal));
        static string Holes(string t) =>
            string.Join(",", Regex.Matches(t, @"\{(\d+)").Select(m => m.Groups[1].Value).Distinct().Order());
        foreach (var (key, text) in english)
        {
            Assert.False(string.IsNullOrWhiteSpace(text), $"en: {key} is empty");
            Assert.False(string.IsNullOrWhiteSpace(spanish[key]), $"es: {key} is empty");
            Assert.True(Holes(text) == Holes(spanish[key]), $"{key}: placeholders differ between the languages");
        }
    }

    [Fact]
    public void TheReportHoldsBothLanguagesTheReadersFirst()
    {
        var plan = Path.Combine(TempDir(), "plan");
        Assert.Equal(0, Run("plan", Sample, "--out", plan, "--solver", "greedy").Exit);
        var html = Path.Combine(TempDir(), "r.html");
        Assert.Equal(0, Run("report", plan, "--scenario", Sample, "--out", html, "--lang", "es").Exit);
        var page = File.ReadAllText(html);
        var es = page.IndexOf("<div class=\"body lang-es\" lang=\"es\">", StringComparison.Ordinal);
        var en = page.IndexOf("<div class=\"body lang-en\" lang=\"en\">", StringComparison.Ordinal);
        Assert.True(es > 0 && en > es, "the Spanish body first, then the English");
        Assert.Contains("<html lang=\"es\">", page);
        Assert.Contains("id=\"lang-es\" checked", page);
        var spanish = page[es..en];
        Assert.Contains("Plan de dotación", spanish);
        Assert.Contains("cupo insuficiente", spanish);
        Assert.DoesNotContain("pool short", spanish);
        Assert.Contains("pool short", page[en..]);
    }

    [Fact]
    public void TheWorkbooksSpeakTheReadersLanguageTheCsvFilesDoNot()
    {
        var plan = Path.Combine(TempDir(), "plan");
        Assert.Equal(0, Run("plan", Sample, "--out", plan, "--solver", "greedy", "--xlsx", "--lang", "es").Exit);
        var rows = MiniExcelLibs.MiniExcel
            .Query(Path.Combine(plan, "tables.xlsx"), useHeaderRow: true, sheetName: "plan")
            .Cast<IDictionary<string, object>>()
            .ToList();
        Assert.Contains("dotación", rows[0].Keys);
        Assert.Contains(rows, r => r["motivo"] is string m && m.StartsWith("cupo insuficiente", StringComparison.Ordinal));
        Assert.StartsWith("code,resource,entitled,allocated,shortfall,rules,funding,reason", File.ReadAllText(Path.Combine(plan, "plan.csv")));
        Assert.Contains("pool short", File.ReadAllText(Path.Combine(plan, "plan.csv")));
        var book = Path.Combine(TempDir(), "r.xlsx");
        Assert.Equal(0, Run("report", plan, "--out", book, "--lang", "es").Exit);
        var areas = MiniExcelLibs.MiniExcel
            .Query(book, useHeaderRow: true, sheetName: "áreas")
            .Cast<IDictionary<string, object>>()
            .ToList();
        Assert.Contains(areas, r => r["recurso"] is "maestro de apoyo de compensación educativa (primaria, plazas)");
    }
}
