using static Staffing.Tests.Support;

namespace Staffing.Tests.Io;

/// <summary>What the program writes reads back to the same values: the formula guard is taken off on reading.</summary>
public class ReadBackTests
{
    [Fact]
    public void ATeamNamedLikeAFormulaSurvivesPlanVerifyAndServe()
    {
        var dir = TempDir();
        foreach (var f in Directory.GetFiles(Sample, "*.csv"))
            File.WriteAllText(
                Path.Combine(dir, Path.GetFileName(f)),
                File.ReadAllText(f).Replace("EG-ALCALA", "-EG", StringComparison.Ordinal)
            );
        var plan = Path.Combine(TempDir(), "plan");
        Assert.Equal(0, Run("plan", dir, "--out", plan).Exit);
        Assert.Contains("'-EG,", File.ReadAllText(Path.Combine(plan, "eoep-schedule.csv")));
        var (exit, output, err) = Run("verify", dir, plan);
        Assert.True(exit == 0, output + err);
        var files = Staffing.Io.PlanReader.Read(plan, Staffing.Cli.Localization.Explain.Knows);
        Assert.Contains(files.Schedule!, r => r.Eoep == "-EG");
    }

    [Theory]
    [InlineData("'=SUM(1)", "=SUM(1)")]
    [InlineData("'-EG", "-EG")]
    [InlineData("'plain", "'plain")]
    [InlineData("-", "-")]
    public void TheGuardIsTakenOffOnlyWhereItWasPut(string cell, string read) =>
        Assert.Equal(read, Staffing.Io.CsvFile.Unescape(cell));

    [Fact]
    public void InTheWorkbookAFormulaLikeNameIsAStringCellWithoutAVisibleGuard()
    {
        var dir = TempDir();
        foreach (var f in Directory.GetFiles(Sample, "*.csv"))
            File.WriteAllText(
                Path.Combine(dir, Path.GetFileName(f)),
                File.ReadAllText(f).Replace("SAN BLAS", "=HYPERLINK(\"x\")", StringComparison.Ordinal)
            );
        var plan = Path.Combine(TempDir(), "plan");
        Assert.Equal(0, Run("plan", dir, "--out", plan).Exit);
        var xlsx = Path.Combine(TempDir(), "plan.xlsx");
        Assert.Equal(0, Run("report", plan, "--scenario", dir, "--out", xlsx).Exit);
        using var zip = System.IO.Compression.ZipFile.OpenRead(xlsx);
        foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(sheet.Open());
            var xml = reader.ReadToEnd();
            Assert.DoesNotContain("<x:f>", xml); // no formula anywhere
            Assert.DoesNotContain("&apos;=", xml); // and no visible apostrophe
        }
        var names = MiniExcelLibs
            .MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "plan")
            .Cast<IDictionary<string, object>>()
            .Select(r => r["name"]?.ToString())
            .ToList();
        Assert.Contains("=HYPERLINK(\"x\")", names);
    }

    [Fact]
    public void VerifyOfABrokenPlanSaysWhatIsWrongAndNothingElse()
    {
        var plan = Path.Combine(TempDir(), "plan");
        Assert.Equal(0, Run("plan", Sample, "--out", plan).Exit);
        var csv = Path.Combine(plan, "plan.csv");
        var lines = File.ReadAllLines(csv);
        var cells = lines[1].Split(',');
        cells[2] = "uno";
        lines[1] = string.Join(",", cells);
        File.WriteAllLines(csv, lines);
        var (exit, _, err) = Run("verify", Sample, plan);
        Assert.Equal(2, exit);
        Assert.Contains("plan.csv:2:3: found \"uno\"", err);
        Assert.DoesNotContain("unknown column", err);
    }
}
