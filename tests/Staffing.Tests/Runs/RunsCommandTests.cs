using Staffing.Io;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Runs;

/// <summary>The workspace from the command line: plan --save, runs, show, pin, plan --from, diff, adopt.</summary>
public class RunsCommandTests
{
    private static (string Db, string Root) Saved(string solver = "cp-sat", params string[] more)
    {
        var root = TempDir();
        var db = Path.Combine(root, "staffing.db");
        var (exit, _, err) = Run([
            "plan",
            Sample,
            "--save",
            "--db",
            db,
            "--solver",
            solver,
            "--name",
            "spring",
            .. more,
        ]);
        Assert.True(exit == 0, err);
        Assert.Contains("stored as run 1", err);
        return (db, root);
    }

    [Fact]
    public void AStoredRunIsWrittenBackAsTheSamePlanFolder()
    {
        var (db, root) = Saved();
        var direct = Path.Combine(root, "direct");
        Assert.Equal(0, Run("plan", Sample, "--save", "--db", db, "--out", direct).Exit);
        var shown = Path.Combine(root, "shown");
        var (exit, _, err) = Run("show", "2", "--db", db, "--out", shown);
        Assert.True(exit == 0, err);
        foreach (var f in Directory.GetFiles(direct).Select(Path.GetFileName).Where(f => !f!.StartsWith('.')))
            Assert.Equal(File.ReadAllBytes(Path.Combine(direct, f!)), File.ReadAllBytes(Path.Combine(shown, f!)));
        Assert.Equal(0, Run("verify", Sample, shown).Exit);
    }

    [Fact]
    public void RunsListsEveryRunWithShortfallByUnitAndTheAdoptedMark()
    {
        var (db, _) = Saved("greedy");
        Assert.Equal(0, Run("adopt", "1", "--db", db, "--note", "agreed with the inspectorate").Exit);
        var (exit, output, _) = Run("runs", Sample, "--db", db);
        Assert.Equal(0, exit);
        Assert.Contains("scenario 1 sample", output);
        var line = output.Split('\n').Single(l => l.Contains("spring"));
        Assert.StartsWith("  *", line);
        Assert.Contains("FEASIBLE", line);
        Assert.Contains("posts", line);
        Assert.Contains("EOEP days a week", line);
        Assert.Contains("itinerant shares", line);
        Assert.Contains("adopted", Run("show", "1", "--db", db).Out);
    }

    [Fact]
    public void APinsResourceMayBeTypedInWordsOfEitherLanguage()
    {
        var (db, _) = Saved();
        Assert.Equal(0, Run("pin", "1", "28002944", "maestro de apoyo de compensación educativa (primaria, plazas)", "2", "--db", db).Exit);
        Assert.Contains("28002944 primary_support = 2", Run("show", "1", "--db", db).Out);
        var (exit, _, err) = Run("pin", "1", "28002944", "apoyo", "2", "--db", db);
        Assert.Equal(2, exit);
        Assert.Contains("primary_support", err);
    }

    [Fact]
    public void PinsAreSolvedByTheNextRunAndTheDiffShowsWhatMoved()
    {
        var (db, root) = Saved();
        Assert.Equal(0, Run("pin", "1", "28002944", "primary_support", "2", "--db", db).Exit);
        Assert.Equal(0, Run("pin", "1", "--pair", "28003328", "28002026", "--db", db).Exit);
        Assert.Contains("pins for the next run: 2", Run("show", "1", "--db", db).Out);
        var (exit, _, err) = Run("plan", "--from", "1", "--db", db, "--name", "pinned");
        Assert.True(exit == 0, err);
        Assert.Contains("stored as run 2", err);
        var show = Run("show", "2", "--db", db).Out;
        Assert.Contains("from run 1", show);
        Assert.Contains("28002944 primary_support = 2", show);
        Assert.Contains("28003328 primary_itinerant = 1 (partner 28002026)", show);
        var output = Path.Combine(root, "diff");
        var diff = Run("diff", "1", "2", "--db", db, "--out", output);
        Assert.Equal(0, diff.Exit);
        Assert.Contains("28002944 primary support teacher (posts): gains, allocated 1 → 2", diff.Out);
        Assert.Contains("[a pin]", diff.Out); // what forced each change
        Assert.Contains("[the pool and the rules]", diff.Out);
        Assert.Contains("28002026 primary itinerant: partners none →", diff.Out);
        var partners = File.ReadAllText(Path.Combine(output, "diff-partners.csv"));
        Assert.StartsWith("code,stage,base_partners,variant_partners,name,locality,area", partners);
        Assert.Contains("28002026,primary,,", partners);
        // Against the scenario's own files the pins break fairness; against the run's scenario (its locks) it verifies.
        var (plan, scenario) = (Path.Combine(root, "plan2"), Path.Combine(root, "scenario2"));
        Assert.Equal(0, Run("show", "2", "--db", db, "--out", plan, "--scenario", scenario).Exit);
        Assert.Equal(1, Run("verify", Sample, plan).Exit);
        Assert.Equal(0, Run("verify", scenario, plan).Exit);
        Assert.Contains("28002944,primary_support,2", File.ReadAllText(Path.Combine(scenario, "locks.csv")));
    }

    [Fact]
    public void ConflictingPinsAreExplainedAndNothingIsStored()
    {
        var (db, _) = Saved("greedy");
        var (exit, _, err) = Run("pin", "1", "28002944", "primary_support", "5", "--db", db);
        Assert.Equal(1, exit);
        Assert.Contains("Pins conflict; nothing stored", err);
        Assert.Contains("above the entitlement of 2 (P-SUPPORT), over by 3", err);
        Assert.Empty(Workspace.Open(db, create: false).Pins(1));
        var unknown = Run("pin", "1", "99999999", "primary_support", "1", "--db", db);
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("found no centre \"99999999\"", unknown.Err);
    }

    [Fact]
    public void AWorkspaceThatIsNotOursIsAnsweredWithExit2AndLeftAlone()
    {
        var path = Path.Combine(TempDir(), "notes.db");
        File.WriteAllText(path, "my notes");
        var (exit, _, err) = Run("plan", Sample, "--save", "--db", path);
        Assert.Equal(2, exit);
        Assert.Contains("found a file that is not a SQLite database, expected a staffing workspace", err);
        Assert.Equal("my notes", File.ReadAllText(path));
        Assert.Equal(2, Run("runs", "--db", Path.Combine(TempDir(), "none.db")).Exit);
        Assert.Contains("found no run 7", Run("show", "7", "--db", Saved("greedy").Db).Err);
    }

    [Fact]
    public async Task RunsAdoptionAndPinsSurviveARestartOfServe()
    {
        var (db, _) = Saved("greedy");
        Assert.Equal(0, Run("pin", "1", "28002944", "primary_support", "2", "--db", db).Exit);
        Assert.Equal(0, Run("adopt", "1", "--db", db).Exit);
        var state = Staffing.Cli.Commands.ServeCommand.Load(
            Web.ServeFixture.Planner,
            ScenarioReader.Read(Sample),
            Sample,
            null
        );
        await using var app = Staffing.Cli.Web.ServeApp.Build(
            Staffing.Cli.Commands.ServeCommand.Attach(
                state,
                Workspace.Open(db, create: false),
                Sample,
                new Staffing.Cli.Runs.Replanning(Web.ServeFixture.Planner),
                new RunSettings("cp-sat", 60, 1, 0),
                null
            ),
            ["http://127.0.0.1:0"]
        );
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var runs = await client.GetStringAsync("/api/runs");
        Assert.Contains("\"adopted\":{\"run\":1", runs);
        Assert.Contains("\"pins\":1", runs);
        Assert.DoesNotContain("start-up of serve", runs); // the stored runs are the scenario's: none added
    }

    [Fact]
    public void BadInputIsAnsweredBeforeAnyWorkspaceFileIsMade()
    {
        var bad = Scenario(("centres.csv", CentresHeader + "1,A,X,L,CEIP,public,100,200,3,,,false,1,0,,,\n"));
        var db = Path.Combine(TempDir(), "staffing.db");
        var (exit, _, err) = Run("plan", bad, "--save", "--db", db);
        Assert.Equal(2, exit);
        Assert.Contains("centres.csv:2:", err);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void ServingBeyondLoopbackWithoutUsersIsRefused()
    {
        var (exit, _, err) = Run("serve", Sample, "--urls", "http://0.0.0.0:5999");
        Assert.Equal(2, exit);
        Assert.Contains("without --users", err);
    }
}
