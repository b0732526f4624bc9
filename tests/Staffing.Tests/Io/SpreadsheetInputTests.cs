using System.Text;
using Staffing.Domain;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Io;

/// <summary>CSV the way Excel in Spanish saves it: semicolons, decimal commas, Windows-1252 or a BOM, CRLF.</summary>
public class SpreadsheetInputTests
{
    [Fact]
    public void SemicolonWindows1252CrlfIsDetected()
    {
        var dir = TempDir();
        var text =
            "code;name;area;locality;kind;primary_pupils;primary_comp;lat;lon\r\n1;SEÑORA;S;Alcalá;CEIP;100;30;40,48;-3,36\r\n";
        File.WriteAllBytes(Path.Combine(dir, "centres.csv"), Encoding.GetEncoding(1252).GetBytes(text));
        var s = Staffing.Io.ScenarioReader.Read(dir);
        var c = Assert.Single(s.Centres);
        Assert.Equal("SEÑORA", c.Name);
        Assert.Equal("Alcalá", c.Locality);
        Assert.Equal(40.48, c.Lat);
        Assert.Contains(s.Notes, n => n.Contains("Windows-1252"));
        Assert.Contains(s.Notes, n => n.Contains("';'"));
    }

    [Fact]
    public void Utf8WithBomIsRead()
    {
        var dir = TempDir();
        File.WriteAllText(
            Path.Combine(dir, "centres.csv"),
            "code,name,area,locality,kind,primary_pupils,primary_comp\n1,A,S,L,CEIP,100,30\n",
            new UTF8Encoding(true)
        );
        Assert.Equal(CentreKind.CEIP, Assert.Single(Staffing.Io.ScenarioReader.Read(dir).Centres).Kind);
    }

    [Fact]
    public void FormulaLikeTextIsEscapedOnOutput() => Assert.Equal("'=1+1", Staffing.Io.CsvFile.Escape("=1+1"));
}
