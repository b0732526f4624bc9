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

    [Fact]
    public void ATableBeyondItsRowLimitIsRefusedAtTheRowThatCrossesIt()
    {
        var dir = TempDir();
        var path = Path.Combine(dir, "centres.csv");
        File.WriteAllText(path, "code,name\n" + string.Concat(Enumerable.Range(1, 12).Select(i => $"{i},N{i}\n")));
        var errors = new Staffing.Domain.InputErrors();
        var table = Staffing.Io.CsvTable.Read(
            path,
            "centres.csv",
            new Staffing.Io.CsvOptions(MaxRows: 10),
            errors,
            ["code", "name"],
            ["code"]
        );
        Assert.Null(table);
        Assert.Equal(
            "centres.csv:12:1: found more than 10 rows, expected a scenario of at most that many rows (split the region into areas)",
            Assert.Single(errors.Messages)
        );
    }

    [Theory]
    [InlineData("0", "1", "--centres: found 0, expected 1 to 1,000,000 (the rows a table may have)")]
    [InlineData("100000000", "1", "--centres: found 100000000, expected 1 to 1,000,000 (the rows a table may have)")]
    [InlineData("5", "9", "--areas: found 9, expected 1 to --centres (5)")]
    public void GenerateAnswersInTheSameFormat(string centres, string areas, string message)
    {
        var (exit, _, err) = Run(
            "generate",
            "--centres",
            centres,
            "--areas",
            areas,
            "--out",
            Path.Combine(TempDir(), "g")
        );
        Assert.Equal(2, exit);
        Assert.Contains(message, err);
    }

    [Fact]
    public void GenerateWithManyAreasGivesTheSamePoolsAsSummedByHand()
    {
        var s = Staffing.Io.ScenarioGenerator.Generate(new(600, 40, 3));
        foreach (var row in s.Pool!)
        {
            var entitled = s
                .Centres.Where(c => c.Area == row.Area)
                .Select(c => Staffing.Rules.RuleBook.Entitle(c, s.Policy).Line(row.Resource))
                .Where(l => l is { Funding: Staffing.Domain.Funding.Pool })
                .Sum(l => l!.Entitled);
            var total = row.Resource.IsItinerant() ? entitled / s.Policy.ItinerantShare : entitled;
            Assert.Equal((int)Math.Floor(total * 0.8), row.Amount);
        }
    }
}
