using static Staffing.Tests.Support;

namespace Staffing.Tests.Io;

/// <summary>--out never destroys what the program did not write: the input, a folder holding it, other files.</summary>
public class OutputSafetyTests
{
    private static string CopyOfSample()
    {
        var dir = Path.Combine(TempDir(), "region");
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(Sample, "*.csv"))
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        return dir;
    }

    private static string[] Snapshot(string dir) =>
        [.. Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("same")]
    [InlineData("inside")]
    [InlineData("parent")]
    public void TheInputFolderIsNeverAnOutput(string where)
    {
        var dir = CopyOfSample();
        var before = Snapshot(Path.GetDirectoryName(dir)!);
        var output = where switch
        {
            "same" => dir,
            "inside" => Path.Combine(dir, "plan"),
            _ => Path.GetDirectoryName(dir)!,
        };
        foreach (var force in new[] { false, true })
        {
            string[] args =
            [
                "plan",
                dir,
                "--out",
                output,
                "--solver",
                "greedy",
                .. force ? ["--force"] : Array.Empty<string>(),
            ];
            var (exit, _, err) = Run(args);
            Assert.Equal(2, exit);
            Assert.Contains("--out:", err);
            Assert.Equal(before, Snapshot(Path.GetDirectoryName(dir)!));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData(".")]
    public void RootCurrentAndEmptyAreRefused(string output)
    {
        var (exit, _, err) = Run("plan", Sample, "--out", output, "--solver", "greedy");
        Assert.Equal(2, exit);
        Assert.Contains("--out:", err);
    }

    [Fact]
    public void AFolderOfOtherFilesNeedsForce()
    {
        var output = Path.Combine(TempDir(), "mine");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "notes.xlsx"), "the planner's own work");
        var (exit, _, err) = Run("audit", Sample, "--out", output);
        Assert.Equal(2, exit);
        Assert.Contains("--force", err);
        Assert.True(File.Exists(Path.Combine(output, "notes.xlsx")));
        Assert.Equal(0, Run("audit", Sample, "--out", output, "--force").Exit);
        Assert.True(File.Exists(Path.Combine(output, "audit.csv")));
    }

    [Fact]
    public void AnExistingFileIsRefused()
    {
        var file = Path.Combine(TempDir(), "plan");
        File.WriteAllText(file, "x");
        Assert.Equal(2, Run("equity", Sample, "--out", file, "--force").Exit);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public void EveryOutputFolderCarriesTheMarkerOfItsCommand()
    {
        var output = Path.Combine(TempDir(), "ent");
        Assert.Equal(0, Run("entitlement", Sample, "--format", "csv", "--out", output).Exit);
        Assert.Equal("written by staffing entitlement\n", File.ReadAllText(Path.Combine(output, ".staffing-output")));
    }

    [Fact]
    public void AnOutputBesideAPolicyFileIsWrittenAndOneHoldingItIsRefused()
    {
        var folder = TempDir();
        var whatIf = Path.Combine(folder, "whatif.json");
        File.WriteAllText(whatIf, "{\"primary_ratio\": 20}");
        // The README's example: the what-if in the current folder, the output in a folder beside it.
        Assert.Equal(0, Run("compare", Sample, whatIf, "--out", Path.Combine(folder, "out", "cmp")).Exit);
        var (exit, _, err) = Run("compare", Sample, whatIf, "--out", Path.GetDirectoryName(folder)!);
        Assert.Equal(2, exit);
        Assert.Contains("expected a folder that does not hold the input", err);
        Assert.True(File.Exists(whatIf));
    }
}
