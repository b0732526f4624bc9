using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Staffing.Allocation;
using Staffing.Io;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Runs;

/// <summary>The workspace file: migrations, refusals that touch nothing, atomic saves, a run never changed.</summary>
public class WorkspaceStoreTests
{
    private static string Db() => Path.Combine(TempDir(), "staffing.db");

    private static Workspace OpenNew(out string path)
    {
        path = Db();
        return Workspace.Open(path, create: true);
    }

    [Fact]
    public void AnEmptyFileBecomesAWorkspace()
    {
        var path = Db();
        File.WriteAllBytes(path, []);
        var w = Workspace.Open(path, create: false);
        Assert.Equal(Migrations.Current, w.SchemaVersion);
        Assert.Empty(w.Runs());
    }

    [Fact]
    public void ThePreviousSchemaIsBroughtForwardKeepingItsRows()
    {
        var path = Db();
        Workspace.CreateAtVersion(path, 1);
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText =
                "INSERT INTO scenario (hash, name, imported_at, imported_by) VALUES ('sha256:x', 'old', 't', 'ana')";
            cmd.ExecuteNonQuery();
        }
        var w = Workspace.Open(path, create: false);
        Assert.Equal(Migrations.Current, w.SchemaVersion);
        Assert.Equal("old", Assert.Single(w.Scenarios()).Name);
        Assert.Null(w.Adopted(1)); // the table of the new step is there
    }

    [Fact]
    public void ANewerSchemaIsRefused()
    {
        var path = Db();
        Workspace.CreateAtVersion(path, Migrations.Current);
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version=99";
            cmd.ExecuteNonQuery();
        }
        var ex = Assert.Throws<InputException>(() => Workspace.Open(path, create: false));
        Assert.Contains("schema 99", ex.Messages[0]);
    }

    [Theory]
    [InlineData("text", "not a SQLite database")]
    [InlineData("foreign", "another program")]
    [InlineData("damaged", "damaged")]
    public void AFileNotOursIsRefusedUntouched(string kind, string expected)
    {
        var path = Db();
        switch (kind)
        {
            case "text":
                File.WriteAllText(path, "code,name\n1,a\n");
                break;
            case "foreign":
                using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
                {
                    c.Open();
                    using var cmd = c.CreateCommand();
                    cmd.CommandText = "CREATE TABLE accounts (id INTEGER)";
                    cmd.ExecuteNonQuery();
                }
                break;
            default:
                Workspace.Open(path, create: true).Import(Sample, "ana");
                var bytes = File.ReadAllBytes(path);
                new Random(3).NextBytes(bytes.AsSpan(100, bytes.Length - 100));
                File.WriteAllBytes(path, bytes);
                break;
        }
        var before = File.ReadAllBytes(path);
        var ex = Assert.Throws<InputException>(() => Workspace.Open(path, create: true).Scenarios());
        Assert.Contains(expected, ex.Messages[0]);
        Assert.StartsWith(path, ex.Messages[0]);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + "-wal"));
    }

    [Fact]
    public void AWorkspaceLockedByAnotherProcessIsAnswered()
    {
        var w = OpenNew(out var path);
        using var other = new SqliteConnection($"Data Source={path};Pooling=False");
        other.Open();
        using (var cmd = other.CreateCommand())
        {
            cmd.CommandText = "BEGIN EXCLUSIVE";
            cmd.ExecuteNonQuery();
        }
        var ex = Assert.Throws<InputException>(() => w.Import(Sample, "ana"));
        Assert.Contains("locked by another process", ex.Messages[0]);
    }

    [Fact]
    public void TheSameFilesTwiceAreOneScenario()
    {
        var w = OpenNew(out _);
        var a = w.Import(Sample, "ana");
        var b = w.Import(Sample, "luis");
        Assert.Equal(a, b);
        Assert.Single(w.Scenarios());
    }

    [Fact]
    public void ARunReadsBackAsThePlanItStored()
    {
        var w = OpenNew(out _);
        var s = ScenarioReader.Read(Sample);
        var plan = Web.ServeFixture.Planner.Plan(s, "cp-sat", new SolveSettings(60)).Plan;
        var scenario = w.Import(Sample, "ana");
        var id = w.Save(
            new NewRun(scenario.Id, null, "first", "", "ana", new RunSettings("cp-sat", 60, 1, 0), null, plan, [])
        );
        var back = w.Plan(id);
        Assert.Equal(string.Join("\n", plan.Lines), string.Join("\n", back.Lines));
        Assert.Equal(plan.Levels.ToArray(), back.Levels.ToArray());
        Assert.Equal(plan.Schedule!.Value.ToArray(), back.Schedule!.Value.ToArray());
        Assert.Equal(
            plan.Itinerants.Select(t => (t.Id, string.Join(" ", t.Centres), string.Join(" ", t.Days), t.Km)),
            back.Itinerants.Select(t => (t.Id, string.Join(" ", t.Centres), string.Join(" ", t.Days), t.Km))
        );
        Assert.Equal((plan.Status, plan.Solver, plan.InputHash), (back.Status, back.Solver, back.InputHash));
        Assert.Empty(w.Check());
    }

    [Fact]
    public void AStaleAdoptionIsRefusedWithWhatChanged()
    {
        var w = OpenNew(out _);
        var s = ScenarioReader.Read(Sample);
        var plan = Web.ServeFixture.Planner.Plan(s, "greedy", new SolveSettings(60)).Plan;
        var scenario = w.Import(Sample, "ana");
        var how = new RunSettings("greedy", 60, 1, 0);
        var one = w.Save(new NewRun(scenario.Id, null, "one", "", "ana", how, null, plan, []));
        var two = w.Save(new NewRun(scenario.Id, one, "two", "", "ana", how, null, plan, []));
        w.Adopt(one, "ana", "", checkExpected: true, expected: null);
        // Luis looked when nothing was adopted; Ana adopted run one since.
        var ex = Assert.Throws<StaleException>(() => w.Adopt(two, "luis", "", checkExpected: true, expected: null));
        Assert.Contains($"the adopted run is run {one} (by ana", ex.Message);
        Assert.Equal(one, w.Adopted(scenario.Id)!.RunId);
        w.Adopt(two, "luis", "after reading", checkExpected: true, expected: one);
        Assert.Equal(two, w.Adopted(scenario.Id)!.RunId);
        Assert.True(w.Run(two).Adopted);
        Assert.False(w.Run(one).Adopted);
    }

    [Fact]
    public void AStalePinIsRefusedAndAPinOnTheSameResourceReplacesIt()
    {
        var w = OpenNew(out _);
        var s = ScenarioReader.Read(Sample);
        var plan = Web.ServeFixture.Planner.Plan(s, "greedy", new SolveSettings(60)).Plan;
        var scenario = w.Import(Sample, "ana");
        var run = w.Save(
            new NewRun(scenario.Id, null, "one", "", "ana", new RunSettings("greedy", 60, 1, 0), null, plan, [])
        );
        w.Pin(run, new Holding("28002944", Resource.PrimarySupport, 1, null), "ana", expectedPins: 0);
        var ex = Assert.Throws<StaleException>(() =>
            w.Pin(run, new Holding("28003286", Resource.PrimarySupport, 1, null), "luis", expectedPins: 0)
        );
        Assert.Contains("28002944 primary_support = 1 (by ana)", ex.Message);
        w.Pin(run, new Holding("28002944", Resource.PrimarySupport, 2, null), "luis", expectedPins: 1);
        Assert.Equal(2, Assert.Single(w.Pins(run)).Lock.Amount);
        Assert.Equal(plan.Lines.ToArray(), w.Plan(run).Lines.ToArray()); // pins never change the run
    }

    [Fact]
    public void KilledWhileSavingOrAdoptingLeavesTheWorkspaceAsBeforeOrAfter()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "staffing.dll");
        var root = TempDir();
        var db = Path.Combine(root, "staffing.db");
        var scenario = Path.Combine(root, "scenario");
        Assert.Equal(0, Run("generate", "--centres", "3000", "--areas", "3", "--seed", "7", "--out", scenario).Exit);
        var rng = new Random(9);
        var finished = 0;
        for (var i = 0; i < 8; i++)
        {
            // Every other kill lands in an adoption of the newest run (the process's start-up is most of its time).
            string[] args =
                i % 2 == 1 && finished > 0
                    ? [cli, "adopt", "1", "--db", db, "--note", $"try {i}"]
                    : [cli, "plan", scenario, "--save", "--db", db, "--solver", "greedy"];
            using var process = Process.Start(
                new ProcessStartInfo("dotnet", args) { RedirectStandardError = true, RedirectStandardOutput = true }
            )!;
            Thread.Sleep(rng.Next(300, 2500));
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException) { }
            process.WaitForExit();
            if (process.ExitCode == 0 && args[1] == "plan")
                finished++;
            if (!File.Exists(db))
                continue;
            var w = Workspace.Open(db, create: false);
            Assert.Empty(w.Check());
            Assert.True(w.Runs().Count >= finished);
        }
    }
}
