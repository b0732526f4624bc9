using System.Text;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Trust;

/// <summary>
/// The third trust round's fuzz campaign: links among inputs and outputs, crafted workspaces and JSON string escapes,
/// besides the mutated files of <see cref="Io.RobustnessTests"/>. Every case ends 0, 1 or 2 within its bound and
/// leaves everything but its output as it was. FUZZ_CASES sets the cases of each kind (CI: 60), FUZZ_SEED shifts
/// the seeds, so a campaign runs in batches of fresh processes.
/// </summary>
public class AdversarialFuzzTests(ITestOutputHelper output)
{
    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("FUZZ_CASES"), out var n) ? n : 60;

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    /// <summary>Every file below a folder (links not followed) with its bytes' hash.</summary>
    private static Dictionary<string, string> Snapshot(string root) =>
        Directory
            .EnumerateFileSystemEntries(
                root,
                "*",
                new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }
            )
            .Where(File.Exists)
            .ToDictionary(
                f => f,
                f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))
            );

    /// <summary>The program run with a bound: a case that does not end in time is a hang.</summary>
    private static (int Exit, string Err) Bounded(string[] args)
    {
        var run = Task.Run(() => Run(args));
        Assert.True(run.Wait(Bound), $"hang: {string.Join(' ', args)}");
        return (run.Result.Exit, run.Result.Err);
    }

    private void Report(string kind, Dictionary<int, int> exits) =>
        output.WriteLine(
            $"{kind}: {exits.Values.Sum()} cases, "
                + string.Join(", ", exits.OrderBy(e => e.Key).Select(e => $"exit {e.Key}: {e.Value}"))
        );

    private static void Count(Dictionary<int, int> exits, int exit, string what)
    {
        Assert.True(exit is 0 or 1 or 2, $"exit {exit}: {what}");
        exits[exit] = exits.GetValueOrDefault(exit) + 1;
    }

    [Fact]
    public void LinksNeverLetAnOutputTouchAnInput()
    {
        var rng = new Random(FuzzSeed(2412071));
        var exits = new Dictionary<int, int>();
        for (var i = 0; i < Cases; i++)
        {
            var root = TempDir();
            var scen = Path.Combine(root, "region", "scen");
            Directory.CreateDirectory(scen);
            foreach (var f in new[] { "centres.csv", "pool.csv", "eoep.csv", "current.csv" })
                File.Copy(Path.Combine(Sample, f), Path.Combine(scen, f));
            File.WriteAllText(Path.Combine(root, "region", "notes.html"), "a person's file");
            File.WriteAllText(Path.Combine(root, "policy.json"), "{\"primary_ratio\": 20}");
            // Links of every kind: to the scenario, its parent, the root, a scenario file, and a link to a link.
            Directory.CreateSymbolicLink(Path.Combine(root, "to-scen"), scen);
            Directory.CreateSymbolicLink(Path.Combine(root, "region", "to-parent"), Path.Combine(root, "region"));
            Directory.CreateSymbolicLink(Path.Combine(root, "to-root"), root);
            Directory.CreateSymbolicLink(Path.Combine(root, "chain"), Path.Combine(root, "to-scen"));
            File.CreateSymbolicLink(Path.Combine(root, "centres-link.csv"), Path.Combine(scen, "centres.csv"));
            string[] inputs = [scen, Path.Combine(root, "to-scen"), Path.Combine(root, "chain"), Path.Combine(root, "to-root", "region", "scen")];
            string[] outputs =
            [
                scen,
                Path.Combine(root, "to-scen"),
                Path.Combine(root, "to-scen", "sub"),
                Path.Combine(root, "region", "to-parent", "scen"),
                Path.Combine(root, "region", "to-parent"),
                Path.Combine(root, "to-root"),
                Path.Combine(root, "chain", ".."),
                Path.Combine(root, "to-root", "region"),
                Path.Combine(root, "region", "notes.html"),
                Path.Combine(root, "centres-link.csv"),
                Path.Combine(root, "out"),
                Path.Combine(root, "to-root", "out2"),
            ];
            var input = inputs[rng.Next(inputs.Length)];
            var target = outputs[rng.Next(outputs.Length)];
            var command = rng.Next(5);
            string[] args = command switch
            {
                0 => ["plan", input, "--out", target, "--solver", "greedy"],
                1 => ["audit", input, "--out", target],
                2 => ["entitlement", input, "--format", "csv", "--out", target],
                3 => ["compare", input, Path.Combine(root, "policy.json"), "--out", target],
                _ => ["report", Path.Combine(root, "out"), "--scenario", input, "--out", target.EndsWith(".html", StringComparison.Ordinal) ? target : target + ".html"],
            };
            if (rng.Next(2) == 0)
                args = [.. args, "--force"];
            if (command == 4)
                Assert.Equal(0, Run("plan", scen, "--out", Path.Combine(root, "out"), "--solver", "greedy").Exit);
            var before = Snapshot(root);
            var (exit, err) = Bounded(args);
            Count(exits, exit, string.Join(' ', args) + "\n" + err);
            var after = Snapshot(root);
            // Only the output may have changed: every file before is still there with its bytes, unless it lies in
            // the output the command was allowed to write.
            var written = Staffing.Io.RealPath.Of(args[Array.IndexOf(args, "--out") + 1]);
            foreach (var (file, hash) in before)
                if (!(Staffing.Io.RealPath.Of(file) == written || Staffing.Io.RealPath.Inside(Staffing.Io.RealPath.Of(file), written)))
                    Assert.True(after.TryGetValue(file, out var now) && now == hash, $"{file} changed by {string.Join(' ', args)} (exit {exit})");
            foreach (var f in new[] { "centres.csv", "pool.csv", "eoep.csv", "current.csv" })
                Assert.True(File.Exists(Path.Combine(scen, f)), $"{f} gone after {string.Join(' ', args)}");
            Directory.Delete(root, true);
        }
        Report("links", exits);
    }

    private static readonly string[] Tables = ["scenario_file", "run", "run_line", "run_itinerant", "run_slot", "run_lock", "run_level", "pin", "adoption", "annotation"];

    private static readonly object?[] Values =
    [
        null, "", "../../x", "/x", "bogus", "primary_support", "NaN", "{}", "{\"solver\":\"greedy\",\"workers\":0}",
        -1, 0, 7, 99, long.MaxValue, 1.5, "\u0000", "sí", new byte[] { 0, 255 },
    ];

    [Fact]
    public void CraftedWorkspacesAreAnsweredNeverCrashedOn()
    {
        var template = Path.Combine(TempDir(), "template.db");
        Assert.Equal(0, Run("plan", Sample, "--save", "--db", template, "--solver", "greedy").Exit);
        Assert.Equal(0, Run("plan", Sample, "--save", "--db", template, "--solver", "greedy", "--seed", "2").Exit);
        Run("pin", "1", "--db", template, "--pair", "28000856", "28001137");
        var columns = new Dictionary<string, string[]>();
        using (var c = new SqliteConnection($"Data Source={template};Pooling=False"))
        {
            c.Open();
            foreach (var t in Tables)
            {
                using var cmd = c.CreateCommand();
                cmd.CommandText = $"SELECT name FROM pragma_table_info('{t}')";
                using var r = cmd.ExecuteReader();
                var names = new List<string>();
                while (r.Read())
                    names.Add(r.GetString(0));
                columns[t] = [.. names];
            }
        }
        SqliteConnection.ClearAllPools();
        var rng = new Random(FuzzSeed(2412072));
        var exits = new Dictionary<int, int>();
        for (var i = 0; i < Cases; i++)
        {
            var root = TempDir();
            var db = Path.Combine(root, "staffing.db");
            File.Copy(template, db);
            using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
            {
                c.Open();
                for (var k = rng.Next(1, 4); k > 0; k--)
                {
                    var table = Tables[rng.Next(Tables.Length)];
                    var column = columns[table][rng.Next(columns[table].Length)];
                    using var cmd = c.CreateCommand();
                    cmd.CommandText = $"PRAGMA foreign_keys=OFF; UPDATE {table} SET {column} = $v WHERE rowid IN (SELECT rowid FROM {table} ORDER BY random() LIMIT 2)";
                    cmd.Parameters.AddWithValue("$v", Values[rng.Next(Values.Length)] ?? DBNull.Value);
                    try
                    {
                        cmd.ExecuteNonQuery();
                    }
                    catch (SqliteException) { } // a constraint kept the value out: the file is still a case
                }
            }
            SqliteConnection.ClearAllPools();
            var outside = Path.Combine(Path.GetDirectoryName(root)!, "escaped-" + i);
            string[][] commands =
            [
                ["runs", "--db", db],
                ["show", "1", "--db", db, "--out", Path.Combine(root, "o")],
                ["show", "2", "--db", db, "--scenario", Path.Combine(root, "s")],
                ["diff", "1", "2", "--db", db],
                ["adopt", "2", "--note", "n", "--db", db],
                ["plan", "--from", "1", "--db", db, "--solver", "greedy"],
                ["pin", "1", "28000856", "primary_support", "1", "--db", db],
            ];
            var args = commands[rng.Next(commands.Length)];
            var (exit, err) = Bounded(args);
            Count(exits, exit, string.Join(' ', args) + "\n" + err);
            Assert.False(File.Exists("/x") || Directory.Exists(outside) || File.Exists(Path.Combine(Path.GetDirectoryName(root)!, "x")), "a stored name was written as a path");
            string[] allowed = ["o", "s", "staffing.db", "staffing.db-shm", "staffing.db-wal", "staffing.db-journal"];
            Assert.All(Directory.GetFileSystemEntries(root), e => Assert.Contains(Path.GetFileName(e), allowed));
            Directory.Delete(root, true);
        }
        Report("workspaces", exits);
    }

    private static readonly string[] Escapes =
    [
        "\\ud800", "\\udfff", "\\ud800\\ud800", "\\udc00\\ud800", "\\u0000", "\\uffff", "\\uFEFF", "\\\"", "\\\\", "\\/",
        "\\x41", "\\u12", "\\", "é", "\u00e9\u0301", "𝔘", "\\ud835\\udd18",
    ];

    private static readonly string[] Keys = ["primary_ratio", "rounding", "cycle_cap", "priority_threshold", "concertado_in_pool", "x"];

    [Fact]
    public void JsonStringEscapesInPolicyAreAnswered()
    {
        var rng = new Random(FuzzSeed(2412073));
        var exits = new Dictionary<int, int>();
        var centres = File.ReadAllText(Path.Combine(Sample, "centres.csv"));
        for (var i = 0; i < Cases; i++)
        {
            string Text() => string.Concat(Enumerable.Range(0, rng.Next(1, 4)).Select(_ => Escapes[rng.Next(Escapes.Length)]));
            string Value() =>
                rng.Next(4) switch
                {
                    0 => $"\"{Text()}\"",
                    1 => new[] { "20", "1e400", "-0", "25.0000000000000000001", "true", "null", "[]", "{}" }[rng.Next(8)],
                    2 => $"[\"{Text()}\"]",
                    _ => $"{{\"{Text()}\": \"{Text()}\"}}",
                };
            string Key() => rng.Next(3) == 0 ? Text() : Keys[rng.Next(Keys.Length)];
            // A third of the cases escape text that is valid once read ("\u0063eil" is "ceil"): those must plan.
            var json = rng.Next(3) == 0
                ? new[] { "{\"rounding\": \"\\u0063eil\"}", "{\"\\u0070rimary_ratio\": 20}", "{\"rounding\": \"fl\\u006for\"}" }[rng.Next(3)]
                : "{" + string.Join(", ", Enumerable.Range(0, rng.Next(1, 4)).Select(_ => $"\"{Key()}\": {Value()}")) + "}";
            var dir = Scenario(("centres.csv", centres), ("policy.json", json));
            var (exit, err) = Bounded(["entitlement", dir, "--format", "json"]);
            Count(exits, exit, json + "\n" + err);
            Directory.Delete(dir, true);
        }
        Report("json escapes", exits);
    }
}
