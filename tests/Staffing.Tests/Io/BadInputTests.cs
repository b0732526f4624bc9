using static Staffing.Tests.Support;

namespace Staffing.Tests.Io;

/// <summary>Bad input is answered with FILE:LINE:COLUMN, exit 2, and nothing written (one case per message: CorpusTests).</summary>
public class BadInputTests
{
    private const string Ok = "1,A,S,L,CEIP,public,100,10,3,,,false,1,0,,,\n";

    [Fact]
    public void AllErrorsOfAFileAtOnce()
    {
        var rows = string.Concat(
            Enumerable.Range(0, 80).Select(i => $"{i},A,S,L,XYZ,public,100,10,3,,,false,1,0,,,\n")
        );
        var (exit, _, err) = Run("entitlement", Scenario(("centres.csv", CentresHeader + rows)));
        Assert.Equal(2, exit);
        Assert.Equal(
            50,
            err.Split('\n').Count(l => l.StartsWith("centres.csv:", StringComparison.Ordinal) && l.Contains("XYZ"))
        );
        Assert.Contains("more errors not shown", err);
    }

    [Fact]
    public void MissingScenarioFolder()
    {
        var (exit, _, err) = Run("entitlement", "/nonexistent/scenario");
        Assert.Equal(2, exit);
        Assert.Contains("found no such folder", err);
    }

    [Fact]
    public void MissingCentresFile()
    {
        var (exit, _, err) = Run("entitlement", Scenario(("pool.csv", "area,resource,amount\n")));
        Assert.Equal(2, exit);
        Assert.Contains("centres.csv:1:1: found no file centres.csv", err);
    }

    [Fact]
    public void QuotedNewlinesKeepLineNumbersTrue()
    {
        var text =
            CentresHeader
            + "1,\"Two\nLines\",S,L,CEIP,public,100,10,3,,,false,1,0,,,\n\n2,B,S,L,CEIP,public,100,x,3,,,false,1,0,,,\n";
        var (exit, _, err) = Run("entitlement", Scenario(("centres.csv", text)));
        Assert.Equal(2, exit);
        Assert.Contains("centres.csv:5:8: found \"x\"", err);
    }

    [Fact]
    public void UsageErrorsExit2()
    {
        Assert.Equal(2, Run("plan").Exit);
        Assert.Equal(2, Run("frobnicate").Exit);
        Assert.Equal(2, Run("plan", Sample, "--out", TempDir(), "--solver", "magic").Exit);
    }

    [Fact]
    public void UnknownColumnWarnsOrFailsInStrictMode()
    {
        var dir = Scenario(("centres.csv", CentresHeader.TrimEnd('\n') + ",colour\n" + Ok.TrimEnd('\n') + ",red\n"));
        var (exit, _, err) = Run("entitlement", dir);
        Assert.Equal(0, exit);
        Assert.Contains("unknown column \"colour\" ignored", err);
        var strict = Run("entitlement", dir, "--strict");
        Assert.Equal(2, strict.Exit);
        Assert.Contains("centres.csv:1:18: found an unknown column \"colour\"", strict.Err);
    }
}
