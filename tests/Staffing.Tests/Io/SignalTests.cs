using System.Diagnostics;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Io;

/// <summary>Ctrl-C and SIGTERM at random moments: exit 130 or 143 within a second, nothing written, the old output kept.</summary>
[Collection(Processes.Name)]
public class SignalTests
{
    [Fact]
    public void ASignalAtAnyMomentEndsPromptlyAndWritesNothing()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "staffing.dll");
        var root = TempDir();
        var scenario = Path.Combine(root, "scenario");
        Assert.Equal(0, Run("generate", "--centres", "6000", "--areas", "3", "--seed", "3", "--out", scenario).Exit);
        var rng = new Random(11);
        for (var i = 0; i < 6; i++)
        {
            var output = Path.Combine(root, $"plan{i}");
            Directory.CreateDirectory(output);
            File.WriteAllText(Path.Combine(output, "old.txt"), "the previous plan");
            var signal = i % 2 == 0 ? "INT" : "TERM";
            // setsid: a child of a background job starts with SIGINT ignored; a session of its own does not.
            using var process = Process.Start(
                new ProcessStartInfo("setsid", ["dotnet", cli, "plan", scenario, "--out", output, "--force"])
                {
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                }
            )!;
            Thread.Sleep(rng.Next(200, 2500));
            var sent = Stopwatch.StartNew();
            using (
                var kill = Process.Start(
                    "kill",
                    ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]
                )
            )
                kill.WaitForExit();
            var ended = process.WaitForExit(5000);
            if (!ended)
                process.Kill(entireProcessTree: true);
            Assert.True(ended, $"still running 5 s after SIG{signal}");
            var files = Directory.GetFiles(output).Select(f => Path.GetFileName(f)!).ToArray();
            if (process.ExitCode == 0)
            {
                // Finished before the signal arrived: a whole new plan.
                Assert.Contains("plan.csv", files);
                continue;
            }
            Assert.Equal(signal == "INT" ? 130 : 143, process.ExitCode);
            // The program gives itself 0.8 s (Interruption.Grace); the bound is loose for a loaded CI machine.
            Assert.True(sent.Elapsed < TimeSpan.FromSeconds(3), $"took {sent.Elapsed.TotalSeconds:0.00} s");
            Assert.Equal(["old.txt"], files);
            Assert.DoesNotContain(
                Directory.GetFileSystemEntries(root),
                e => e.Contains(".tmp-", StringComparison.Ordinal)
            );
        }
    }

    /// <summary>Finding 9 of the third trust round: a stored run is never answered with 130 or 143.</summary>
    [Fact]
    public void ARunStoredBeforeTheSignalEndsWithZeroAndOneStoredRun()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "staffing.dll");
        var root = TempDir();
        var scenario = Path.Combine(root, "scenario");
        Assert.Equal(0, Run("generate", "--centres", "3000", "--areas", "2", "--seed", "5", "--out", scenario).Exit);
        var db = Path.Combine(root, "staffing.db");
        var rng = new Random(17);
        var stored = 0;
        for (var i = 0; i < 8; i++)
        {
            var signal = i % 2 == 0 ? "INT" : "TERM";
            using var process = Process.Start(
                new ProcessStartInfo(
                    "setsid",
                    ["dotnet", cli, "plan", scenario, "--save", "--db", db, "--solver", "greedy", "--out", Path.Combine(root, "out")]
                )
                {
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                }
            )!;
            Thread.Sleep(rng.Next(300, 1800));
            using (
                var kill = Process.Start(
                    "kill",
                    ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]
                )
            )
                kill.WaitForExit();
            Assert.True(process.WaitForExit(5000));
            var runs = File.Exists(db) ? Staffing.Io.Workspace.Open(db, create: false).Runs().Count : 0;
            if (process.ExitCode == 0)
                stored++;
            else
                Assert.Equal(signal == "INT" ? 130 : 143, process.ExitCode);
            Assert.Equal(stored, runs);
        }
    }
}
