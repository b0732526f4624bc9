using static Staffing.Tests.Support;

namespace Staffing.Tests.Io;

/// <summary>report on a hand-edited plan folder: read with the records it was written from, answered with a position.</summary>
public class ReportInputTests
{
    private static string PlanFolder()
    {
        var dir = Path.Combine(TempDir(), "plan");
        Assert.Equal(0, Run("plan", Sample, "--out", dir, "--solver", "greedy").Exit);
        return dir;
    }

    [Theory]
    [InlineData("{}", "summary.json:1:")]
    [InlineData("{\"status\": 5}", "summary.json:1:")]
    [InlineData("[1, 2", "summary.json:1:")]
    public void AHandEditedSummaryIsBadInput(string json, string where)
    {
        var dir = PlanFolder();
        File.WriteAllText(Path.Combine(dir, "summary.json"), json);
        var (exit, _, err) = Run("report", dir, "--out", Path.Combine(TempDir(), "r.html"));
        Assert.Equal(2, exit);
        Assert.StartsWith(where, err);
    }

    [Fact]
    public void AnEntitlementBeyondAnyNumberIsBadInput()
    {
        var dir = PlanFolder();
        var path = Path.Combine(dir, "summary.json");
        File.WriteAllText(
            path,
            File.ReadAllText(path).Replace("\"entitled\": 2,", "\"entitled\": 1e30,", StringComparison.Ordinal)
        );
        var (exit, _, err) = Run("report", dir, "--out", Path.Combine(TempDir(), "r.xlsx"));
        Assert.Equal(2, exit);
        Assert.Contains("summary.json:", err);
    }

    [Fact]
    public void AWordInANumberColumnOfIndicatorsIsLocated()
    {
        var dir = PlanFolder();
        var path = Path.Combine(dir, "indicators.csv");
        var lines = File.ReadAllLines(path);
        lines[1] = string.Join(',', lines[1].Split(',').Select((cell, i) => i == 2 ? "many" : cell));
        File.WriteAllLines(path, lines);
        var (exit, _, err) = Run("report", dir, "--out", Path.Combine(TempDir(), "r.html"));
        Assert.Equal(2, exit);
        Assert.Contains("indicators.csv:2:3: found \"many\"", err);
    }

    [Fact]
    public void AQuotedFieldInIndicatorsIsRead()
    {
        var dir = PlanFolder();
        var path = Path.Combine(dir, "indicators.csv");
        var lines = File.ReadAllLines(path);
        lines[1] = string.Join(',', lines[1].Split(',').Select((cell, i) => i == 0 ? $"\"{cell}\"" : cell));
        File.WriteAllLines(path, lines);
        Assert.Equal(0, Run("report", dir, "--out", Path.Combine(TempDir(), "r.html")).Exit);
    }
}
