using MiniExcelLibs;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Trust;

/// <summary>Finding 11 of the third trust round: codes and names that look like numbers stay text in XLSX and excel-es CSV.</summary>
public class TextStaysTextTests
{
    private static string Scenario() =>
        Support.Scenario(
            (
                "centres.csv",
                CentresHeader
                    + "08002944,0801,A,1.5,CEIP,public,200,60,3,,,,,,,,\n"
                    + "08002945,Escuela,A,Town,CEIP,public,100,40,3,,,,,,,,\n"
            ),
            ("pool.csv", "area,resource,amount\nA,primary_support,1\n")
        );

    [Fact]
    public void CodesAndNamesStayTextInTheWorkbook()
    {
        var plan = Path.Combine(TempDir(), "plan");
        Assert.Equal(0, Run("plan", Scenario(), "--out", plan, "--xlsx").Exit);
        var rows = MiniExcel
            .Query(Path.Combine(plan, "tables.xlsx"), useHeaderRow: true, sheetName: "plan")
            .Cast<IDictionary<string, object>>()
            .ToList();
        Assert.Contains(rows, r => Equals(r["code"], "08002944") && Equals(r["name"], "0801") && Equals(r["locality"], "1.5"));
        Assert.All(rows, r => Assert.IsType<double>(r["entitled"]));
    }

    [Fact]
    public void CodesAndNamesStayAsWrittenInTheSpanishExcelDialect()
    {
        var plan = Path.Combine(TempDir(), "plan");
        Assert.Equal(0, Run("plan", Scenario(), "--out", plan, "--csv-dialect", "excel-es").Exit);
        var line = File.ReadAllLines(Path.Combine(plan, "plan.csv")).First(l => l.StartsWith("08002944;", StringComparison.Ordinal));
        Assert.Contains(";0801;1.5;", line);
    }
}
