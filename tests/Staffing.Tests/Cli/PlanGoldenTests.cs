using System.Text.RegularExpressions;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Cli;

/// <summary>Golden files: `staffing plan` on the bundled sample (set UPDATE_GOLDEN=1 to rewrite them after a reviewed change).</summary>
public partial class PlanGoldenTests
{
    public static TheoryData<string> Solvers => ["greedy", "cp-sat"];

    [Theory]
    [MemberData(nameof(Solvers))]
    public void SamplePlanMatchesTheGoldenFiles(string solver)
    {
        var output = Path.Combine(TempDir(), "plan");
        var (exit, _, err) = Run("plan", Sample, "--out", output, "--solver", solver);
        Assert.True(exit == 0, err);
        var golden = Path.Combine(RepoRoot, "tests", "Staffing.Tests", "golden", "sample-" + solver);
        var update = Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";
        if (update)
            Directory.CreateDirectory(golden);
        foreach (var file in Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            var actual = Normalize(File.ReadAllText(Path.Combine(output, file!)));
            var path = Path.Combine(golden, file!);
            if (update)
                File.WriteAllText(path, actual);
            Assert.True(File.Exists(path), $"no golden file {path}");
            Assert.Equal(File.ReadAllText(path), actual);
        }
        Assert.Equal(Directory.GetFiles(golden).Length, Directory.GetFiles(output).Length);
    }

    [Fact]
    public void SameInputSameBytes()
    {
        var a = Path.Combine(TempDir(), "a");
        var b = Path.Combine(TempDir(), "b");
        Assert.Equal(0, Run("plan", Sample, "--out", a, "--solver", "greedy").Exit);
        Assert.Equal(0, Run("plan", Sample, "--out", b, "--solver", "greedy").Exit);
        foreach (var f in Directory.GetFiles(a).Select(Path.GetFileName))
            Assert.Equal(
                Normalize(File.ReadAllText(Path.Combine(a, f!))),
                Normalize(File.ReadAllText(Path.Combine(b, f!)))
            );
    }

    [Fact]
    public void AnEarlierOutputFolderIsReplacedAsAWhole()
    {
        var output = Path.Combine(TempDir(), "plan");
        Assert.Equal(0, Run("plan", Sample, "--out", output, "--solver", "greedy").Exit);
        File.WriteAllText(Path.Combine(output, "stale.txt"), "old");
        Assert.Equal(0, Run("plan", Sample, "--out", output, "--solver", "greedy").Exit);
        Assert.False(File.Exists(Path.Combine(output, "stale.txt")));
        Assert.True(File.Exists(Path.Combine(output, "plan.csv")));
    }

    [Fact]
    public void WithoutPoolThePlanIsTheEntitlement()
    {
        var dir = TempDir();
        File.Copy(Path.Combine(Sample, "centres.csv"), Path.Combine(dir, "centres.csv"));
        var output = Path.Combine(TempDir(), "plan");
        Assert.Equal(0, Run("plan", dir, "--out", output, "--solver", "greedy").Exit);
        var lines = File.ReadAllLines(Path.Combine(output, "plan.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(lines, l => Assert.Equal(l[2], l[3])); // the odd itinerant centres included
        Assert.Contains("\"status\": \"ENTITLEMENT\"", File.ReadAllText(Path.Combine(output, "summary.json")));
    }

    private static string Normalize(string text) => SecondsPattern().Replace(text, "\"seconds\": 0");

    [GeneratedRegex("\"seconds\": [0-9.eE+-]+")]
    private static partial Regex SecondsPattern();
}
