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
        // In file-name order, named in the reader's words as the report's workbook names its sheets.
        Assert.Equal(["audit by area", "audit"], MiniExcel.GetSheetNames(book).ToArray());
        var row = MiniExcel
            .Query(book, useHeaderRow: true, sheetName: "audit")
            .Cast<IDictionary<string, object>>()
            .First();
        Assert.IsType<double>(row["entitled"]);
    }

    [Fact]
    public void TheWorkbookAndSpanishExcelSayTheSameWordsFromTheSameTables()
    {
        var plan = Path.Combine(TempDir(), "plan");
        Assert.Equal(0, Run("plan", Sample, "--out", plan, "--csv-dialect", "excel-es", "--xlsx", "--lang", "es").Exit);
        var csv = new List<string[]>();
        using (var reader = new StreamReader(Path.Combine(plan, "plan.csv")))
        using (var parser = new CsvHelper.CsvParser(reader, new CsvHelper.Configuration.CsvConfiguration(System.Globalization.CultureInfo.InvariantCulture) { Delimiter = ";" }))
            while (parser.Read())
                csv.Add(parser.Record!);
        csv.RemoveAt(0);
        var sheet = MiniExcel
            .Query(Path.Combine(plan, "tables.xlsx"), useHeaderRow: true, sheetName: "plan")
            .Cast<IDictionary<string, object>>()
            .ToList();
        Assert.Equal(csv.Count, sheet.Count);
        Assert.Equal(csv.Select(c => c[1]), sheet.Select(r => (string)r["recurso"]));
        Assert.Equal(csv.Select(c => c[7]), sheet.Select(r => r["motivo"] as string ?? ""));
        Assert.Contains(sheet, r => r["motivo"] is string m && m.StartsWith("cupo insuficiente", StringComparison.Ordinal));
        Assert.All(sheet, r => Assert.IsType<double>(r["dotación"]));
    }

    [Fact]
    public void AnUnknownDialectIsAUsageError() =>
        Assert.Equal(2, Run("plan", Sample, "--out", Path.Combine(TempDir(), "p"), "--csv-dialect", "excel").Exit);

    [Fact]
    public void TheWorkbookFormatsEurosAndCountsAndFitsItsColumns()
    {
        var root = TempDir();
        var whatIf = Path.Combine(root, "w.json");
        File.WriteAllText(whatIf, "{\"primary_ratio\": 20}");
        var output = Path.Combine(TempDir(), "cmp"); // not beside the what-if: an input's folder is never written
        Assert.Equal(0, Run("compare", Sample, whatIf, "--out", output, "--xlsx").Exit);
        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(output, "tables.xlsx"));
        string Text(string entry)
        {
            using var r = new StreamReader(zip.GetEntry(entry)!.Open());
            return r.ReadToEnd();
        }
        var styles = Text("xl/styles.xml");
        Assert.Contains("formatCode=\"#,##0 &quot;€&quot;\"", styles); // shown 1.845.000 € by a Spanish Excel
        Assert.Contains("formatCode=\"#,##0\"", styles);
        Assert.Contains("customWidth=\"1\"", Text("xl/worksheets/sheet1.xml"));
    }
}

/// <summary>Issue 26: excel-es speaks the reader's language (headers, values, explanations) and reads back.</summary>
public class ExcelEsInWordsTests
{
    [Fact]
    public void ASpanishExcelPlanFolderIsInWordsAndVerifiesClean()
    {
        var plan = Path.Combine(TempDir(), "plan");
        Assert.Equal(0, Run("plan", Sample, "--out", plan, "--csv-dialect", "excel-es", "--lang", "es").Exit);
        var lines = File.ReadAllLines(Path.Combine(plan, "plan.csv"));
        Assert.StartsWith("código;recurso;dotación;asignado;déficit", lines[0].TrimStart('\uFEFF'));
        Assert.Contains(lines, l => l.Contains(";maestro de apoyo de compensación educativa (primaria, plazas);", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(";cupo público;", StringComparison.Ordinal));
        Assert.DoesNotContain(lines.Skip(1), l => l.Contains(";primary_support;", StringComparison.Ordinal) || l.Contains("pool short", StringComparison.Ordinal));
        var week = File.ReadAllText(Path.Combine(plan, "eoep-schedule.csv"));
        Assert.Contains(";lunes;", week);
        Assert.DoesNotContain("monday", week);
        foreach (var language in new[] { "es", "en" })
        {
            var (exit, output, err) = Run("verify", Sample, plan, "--lang", language);
            Assert.True(exit == 0, output + err);
        }
        Assert.Equal(0, Run("report", plan, "--out", Path.Combine(TempDir(), "r.html"), "--lang", "es").Exit);
    }
}

/// <summary>Issue 26: a dialect that cannot apply (standard output) is said, not dropped.</summary>
public class DialectOnStandardOutputTests
{
    [Fact]
    public void ExcelEsWithoutOutIsSaid()
    {
        var (exit, output, err) = Run("entitlement", Sample, "--format", "csv", "--csv-dialect", "excel-es");
        Assert.Equal(0, exit);
        Assert.StartsWith("code,resource,entitled", output);
        Assert.Contains("standard output keeps the contract's CSV", err);
    }
}
