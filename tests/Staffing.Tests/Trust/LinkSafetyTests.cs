using static Staffing.Tests.Support;

namespace Staffing.Tests.Trust;

/// <summary>
/// Findings 1, 2 and 4 of the third trust round: inputs are protected by what they are, not how their path is
/// written: through a link, a workspace file, a file output.
/// </summary>
public class LinkSafetyTests
{
    private static string CopyOfSample(string parent)
    {
        var dir = Path.Combine(parent, "scen");
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(Sample, "*.csv"))
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        return dir;
    }

    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory
            .GetFiles(
                dir,
                "*",
                new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }
            )
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => f, f => Convert.ToHexString(File.ReadAllBytes(f)));

    [Theory]
    [InlineData("plan")]
    [InlineData("audit")]
    [InlineData("entitlement")]
    [InlineData("equity")]
    [InlineData("sweep")]
    [InlineData("simulate")]
    public void AnOutputThroughALinkToTheScenarioIsRefusedEvenWithForce(string command)
    {
        var root = TempDir();
        var scen = CopyOfSample(Path.Combine(root, "man"));
        Directory.CreateSymbolicLink(Path.Combine(root, "man", "dirlink"), Path.Combine(root, "man"));
        var before = Snapshot(root);
        string[] extra = command switch
        {
            "plan" => ["--solver", "greedy"],
            "entitlement" => ["--format", "csv"],
            "sweep" => ["--param", "primary_ratio=20:25:5"],
            "simulate" => ["--runs", "3"],
            _ => [],
        };
        foreach (var output in new[] { Path.Combine(root, "man", "dirlink", "scen"), Path.Combine(root, "man", "dirlink", "scen", "sub"), Path.Combine(root, "man", "dirlink") })
        {
            var (exit, _, err) = Run([command, scen, "--out", output, "--force", .. extra]);
            Assert.True(exit == 2, err);
            Assert.Contains("--out:", err);
            Assert.Equal(before, Snapshot(root));
        }
    }

    [Fact]
    public void AScenarioReachedThroughALinkIsNotReplacedAsAnEarlierOutput()
    {
        var root = TempDir();
        var generated = Path.Combine(root, "gs");
        Assert.Equal(0, Run("generate", "--centres", "20", "--areas", "1", "--seed", "1", "--out", generated).Exit);
        var link = Path.Combine(root, "glink");
        Directory.CreateSymbolicLink(link, generated);
        var before = Snapshot(generated);
        var (exit, _, err) = Run("plan", link, "--out", generated, "--solver", "greedy");
        Assert.Equal(2, exit);
        Assert.Contains("--out:", err);
        Assert.Equal(before, Snapshot(generated));
    }

    [Fact]
    public void AScenarioFileThatIsALinkIsProtectedWhereItPoints()
    {
        var root = TempDir();
        var elsewhere = Path.Combine(root, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        File.Copy(Path.Combine(Sample, "centres.csv"), Path.Combine(elsewhere, "centres.csv"));
        var scen = Path.Combine(root, "scen");
        Directory.CreateDirectory(scen);
        File.CreateSymbolicLink(Path.Combine(scen, "centres.csv"), Path.Combine(elsewhere, "centres.csv"));
        var before = Snapshot(elsewhere);
        var (exit, _, err) = Run("plan", scen, "--out", elsewhere, "--force", "--solver", "greedy");
        Assert.Equal(2, exit);
        Assert.Contains("--out:", err);
        Assert.Equal(before, Snapshot(elsewhere));
    }

    [Fact]
    public void TheWorkspaceFileIsAnInputOfShow()
    {
        var root = TempDir();
        var out1 = Path.Combine(root, "out1");
        Directory.CreateDirectory(out1);
        var db = Path.Combine(out1, "staffing.db");
        Assert.Equal(0, Run("plan", Sample, "--save", "--db", db, "--solver", "greedy").Exit);
        var before = File.ReadAllBytes(db);
        var (exit, _, err) = Run("show", "1", "--db", db, "--out", out1);
        Assert.Equal(2, exit);
        Assert.Contains("staffing.db", err);
        Assert.Equal(before, File.ReadAllBytes(db));
        Assert.Equal(2, Run("show", "1", "--db", db, "--out", root, "--force").Exit);
        Assert.True(File.Exists(db));
    }

    [Fact]
    public void PlanSaveRefusesAnOutputThatWouldHoldItsWorkspace()
    {
        var root = TempDir();
        var out2 = Path.Combine(root, "out2");
        var (exit, _, err) = Run("plan", Sample, "--save", "--db", Path.Combine(out2, "staffing.db"), "--out", out2);
        Assert.Equal(2, exit);
        Assert.Contains("staffing.db", err);
        Assert.False(Directory.Exists(out2));
    }

    [Fact]
    public void AReportNeverReplacesAPersonsFileWithoutForce()
    {
        var root = TempDir();
        var plan = Path.Combine(root, "plan");
        Assert.Equal(0, Run("plan", Sample, "--out", plan, "--solver", "greedy").Exit);
        foreach (var name in new[] { "notes.html", "budget.xlsx" })
        {
            var file = Path.Combine(root, name);
            File.WriteAllText(file, "the planner's own work");
            var (exit, _, err) = Run("report", plan, "--out", file);
            Assert.Equal(2, exit);
            Assert.Contains("--force", err);
            Assert.Equal("the planner's own work", File.ReadAllText(file));
            // A report the program wrote is replaced without asking; a person's file only with --force.
            Assert.Equal(0, Run("report", plan, "--out", file, "--force").Exit);
            Assert.Equal(0, Run("report", plan, "--out", file).Exit);
        }
    }

    [Fact]
    public void AReportIsNeverWrittenIntoItsInputs()
    {
        var root = TempDir();
        var scen = CopyOfSample(root);
        var plan = Path.Combine(root, "plan");
        Assert.Equal(0, Run("plan", scen, "--out", plan, "--solver", "greedy").Exit);
        Directory.CreateSymbolicLink(Path.Combine(root, "scenlink"), scen);
        var before = Snapshot(root);
        foreach (var target in new[] { Path.Combine(scen, "report.html"), Path.Combine(root, "scenlink", "r.xlsx"), Path.Combine(plan, "report.html") })
        {
            var (exit, _, err) = Run("report", plan, "--scenario", scen, "--out", target, "--force");
            Assert.True(exit == 2, err);
            Assert.Equal(before, Snapshot(root));
        }
    }
}
