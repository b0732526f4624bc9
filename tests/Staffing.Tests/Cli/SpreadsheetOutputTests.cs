using MiniExcelLibs;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Cli;

/// <summary>--csv-dialect excel-es and --xlsx: the tables as Spanish Excel opens them, the contract unchanged by default.</summary>
public class SpreadsheetOutputTests
{
    [Fact]
    public void TheSpanishExcelDialectHasABomSemicolonsAndDecimalCommasAndStillVerifies()
    {
        var plan = Path.Combine(TempDir(), "plan");
        Assert.Equal(0, Run("plan", Sample, "--out", plan, "--csv-dialect", "excel-es").Exit);
        var bytes = File.ReadAllBytes(Path.Combine(plan, "indicators.csv"));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = File.ReadAllLines(Path.Combine(plan, "indicators.csv"));
        Assert.StartsWith("code;stage;compensatory;", lines[0].TrimStart('\uFEFF'));
        Assert.Contains(lines.Skip(1), l => l.Split(';')[4].Contains(','));
        var (exit, output, err) = Run("verify", Sample, plan);
        Assert.True(exit == 0, output + err);
    }

    [Fact]
    public void TheDefaultStaysTheContractsRfc4180()
    {
        var plan = Path.Combine(TempDir(), "plan");
        Assert.Equal(0, Run("plan", Sample, "--out", plan).Exit);
        Assert.StartsWith("code,resource,entitled,", File.ReadAllText(Path.Combine(plan, "plan.csv")));
        Assert.False(File.Exists(Path.Combine(plan, "tables.xlsx")));
    }

    [Fact]
    public void TheWorkbookHasASheetATableWithNumbersAsNumbers()
    {
        var audit = Path.Combine(TempDir(), "audit");
        Assert.Equal(0, Run("audit", Sample, "--out", audit, "--xlsx").Exit);
        var book = Path.Combine(audit, "tables.xlsx");
        Assert.Equal(["audit-areas", "audit"], MiniExcel.GetSheetNames(book).ToArray()); // in file-name order
        var row = MiniExcel
            .Query(book, useHeaderRow: true, sheetName: "audit")
            .Cast<IDictionary<string, object>>()
            .First();
        Assert.IsType<double>(row["entitled"]);
    }

    [Fact]
    public void AnUnknownDialectIsAUsageError() =>
        Assert.Equal(2, Run("plan", Sample, "--out", Path.Combine(TempDir(), "p"), "--csv-dialect", "excel").Exit);
}
