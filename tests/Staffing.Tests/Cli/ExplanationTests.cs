using Microsoft.Data.Sqlite;
using Staffing.Allocation;
using Staffing.Cli.Localization;
using Staffing.Io;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Cli;

/// <summary>Explanations as values: worded per reader, carried beside the contract's words, read back.</summary>
public sealed class ExplanationTests
{
    private static List<Explanation> SampleExplanations()
    {
        var s = ScenarioReader.Read(Sample);
        var (_, plan) = Staffing.Tests.Allocation.AllocationSupport.PlanOf(s, "greedy");
        return
        [
            .. plan.Lines.Select(l => l.Reason),
            .. Audit.Lines(s).Select(l => l.Finding),
            .. s.Centres.SelectMany(c => Staffing.Rules.RuleBook.Trace(c, s.Policy)).SelectMany(t => new[] { t.Because, t.Reading }),
            .. s.Centres.SelectMany(c => Staffing.Rules.CliffEdges.Of(c, s.Policy)).Select(e => e.Text),
        ];
    }

    [Fact]
    public void EveryExplanationOfTheSampleComesBackFromItsJsonAsTheSameValue()
    {
        foreach (var e in SampleExplanations())
            Assert.Equal(e, ExplanationJson.Read(ExplanationJson.Write(e)));
    }

    [Fact]
    public void EveryExplanationOfTheSampleHasATemplateInBothLanguagesAndNoBareCodeInSpanish()
    {
        foreach (var e in SampleExplanations().Where(e => !e.IsNone).Distinct())
        {
            Assert.True(Explain.Knows(e), e.Key);
            var spanish = e.In(Language.Spanish);
            Assert.DoesNotMatch(ReaderLanguageScanTests.BareCode(), spanish);
            Assert.DoesNotContain("Explanation {", spanish, StringComparison.Ordinal);
            Assert.DoesNotContain("Explanation {", e.In(Language.English), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheContractKeepsItsEnglishCodesAndInvariantNumbers()
    {
        var e = Explanation.Of(
            "ReasonPoolShortBy",
            Explanation.Of("ReasonAreaPool", "Madrid-Sur", Resource.PrimarySupport),
            1234,
            56,
            Explanation.Of("ReasonAtLikeOne", 2, 3, Share.Whole(66.7m))
        );
        Assert.Equal(
            "pool short: Madrid-Sur primary_support: 1234 entitled, 56 in the pool; this centre is at 2 of 3, like 1 other at 67%",
            Explain.Contract(e)
        );
        Assert.Equal(
            "cupo insuficiente: maestro de apoyo de compensación educativa (primaria, plazas) en Madrid-Sur: 1234 de dotación, 56 en el cupo; este centro tiene 2 de 3, como otro más al 67 %",
            e.In(Language.Spanish)
        );
    }

    [Fact]
    public void APlanFolderReadBackWordsItsReasonsInTheReadersLanguage()
    {
        var dir = Path.Combine(TempDir(), "plan");
        Assert.Equal(0, Run("plan", Sample, "--out", dir, "--solver", "greedy").Exit);
        var files = PlanReader.Read(dir, Explain.Knows);
        var short1 = files.Lines.First(l => l.Shortfall > 0 && l.Resource == Resource.PrimarySupport);
        Assert.NotEqual(Explanation.StoredKey, short1.Reason.Key);
        Assert.StartsWith("cupo insuficiente: maestro de apoyo", short1.Reason.In(Language.Spanish), StringComparison.Ordinal);
        var (exit, _, err) = Run("report", dir, "--out", Path.Combine(TempDir(), "r.html"), "--lang", "es");
        Assert.True(exit == 0, err);
    }

    [Fact]
    public void AFolderWithoutTheJsonTwinOrWithOneNoTemplateFitsKeepsItsWords()
    {
        var dir = Path.Combine(TempDir(), "plan");
        Assert.Equal(0, Run("plan", Sample, "--out", dir, "--solver", "greedy").Exit);
        var path = Path.Combine(dir, "plan.csv");
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("ReasonPoolShortBy", "ReasonFromTheFuture", StringComparison.Ordinal));
        var line = PlanReader.Read(dir, Explain.Knows).Lines.First(l => l.Shortfall > 0 && l.Resource == Resource.PrimarySupport);
        Assert.Equal(Explanation.StoredKey, line.Reason.Key);
        Assert.StartsWith("pool short: ", line.Reason.In(Language.Spanish), StringComparison.Ordinal);
    }

    [Fact]
    public void ARunStoredBeforeReasonsWereValuesShowsItsWordsAsStored()
    {
        var root = TempDir();
        var db = Path.Combine(root, "staffing.db");
        Assert.Equal(0, Run("plan", Sample, "--save", "--db", db, "--solver", "greedy").Exit);
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE run_line SET reason = 'as written then', reason_json = NULL WHERE reason_json IS NOT NULL";
            Assert.True(cmd.ExecuteNonQuery() > 0);
        }
        var folder = Path.Combine(root, "shown");
        Assert.Equal(0, Run("show", "1", "--db", db, "--out", folder).Exit);
        Assert.Contains(",as written then,", File.ReadAllText(Path.Combine(folder, "plan.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void ARunStoredNowIsWordedInSpanishWhenShown()
    {
        var root = TempDir();
        var db = Path.Combine(root, "staffing.db");
        Assert.Equal(0, Run("plan", Sample, "--save", "--db", db, "--solver", "greedy").Exit);
        var folder = Path.Combine(root, "shown");
        Assert.Equal(0, Run("show", "1", "--db", db, "--out", folder, "--csv-dialect", "excel-es", "--lang", "es").Exit);
        var plan = File.ReadAllText(Path.Combine(folder, "plan.csv"));
        Assert.Contains("cupo insuficiente: maestro de apoyo", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("_json", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es", 1845000, "1.845.000")]
    [InlineData("es", 1234, "1234")]
    [InlineData("en", 1845000, "1,845,000")]
    public void CountsAsTheReaderWritesThem(string language, long n, string expected) =>
        Assert.Equal(expected, Figures.Count(n, Figures.Culture(language)));

    [Fact]
    public void FiguresSharesEurosAndMomentsAsTheReaderWritesThem()
    {
        var es = Figures.Culture(Language.Spanish);
        var en = Figures.Culture(Language.English);
        Assert.Equal("11,76", Figures.Number(11.76m, es));
        Assert.Equal("11.76", Figures.Number(11.76m, en));
        Assert.Equal("25,5 %", Figures.Percent(Share.Precise(25.5m), es));
        Assert.Equal("25.5%", Figures.Percent(Share.Precise(25.5m), en));
        Assert.Equal("1.845.000", Figures.Number(1845000m, es, 0)); // "… €": the unit is the template's
        Assert.Equal("1,04", Figures.Number(1.038, es)); // "… s"
        var when = new DateTimeOffset(2026, 12, 7, 17, 22, 9, TimeSpan.Zero);
        Assert.Equal("7 dic 2026, 17:22", Figures.Moment(when, es, TimeZoneInfo.Utc));
        Assert.Equal("7 Dec 2026, 17:22", Figures.Moment(when, en, TimeZoneInfo.Utc));
    }
}
