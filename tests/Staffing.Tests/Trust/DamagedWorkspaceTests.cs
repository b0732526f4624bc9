using Microsoft.Data.Sqlite;
using Staffing.Io;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Trust;

/// <summary>
/// Findings 3, 6 and 10 of the third trust round: a crafted or damaged workspace is answered (exit 2, the table and
/// row named), never a path to write to; a workspace refused is left byte for byte, journal and WAL included.
/// </summary>
public class DamagedWorkspaceTests
{
    private static string StoredRun()
    {
        var db = Path.Combine(TempDir(), "staffing.db");
        Assert.Equal(0, Run("plan", Sample, "--save", "--db", db, "--solver", "greedy").Exit);
        return db;
    }

    private static void Sql(string db, string sql)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    [Theory]
    [InlineData("../../escaped.csv")]
    [InlineData("/tmp/staffing-escaped.csv")]
    [InlineData("sub/centres.csv")]
    public void AStoredFileNameIsNeverAPath(string name)
    {
        var db = StoredRun();
        Sql(db, $"UPDATE scenario_file SET name = '{name}' WHERE name = 'pool.csv'");
        var root = Path.GetDirectoryName(db)!;
        var target = Path.Combine(root, "a", "b", "scenario");
        var (exit, _, err) = Run("show", "1", "--db", db, "--scenario", target);
        Assert.True(exit == 2, err);
        Assert.Contains("scenario_file", err);
        Assert.False(File.Exists(Path.Combine(root, "a", "escaped.csv")));
        Assert.False(File.Exists("/tmp/staffing-escaped.csv"));
        Assert.False(Directory.Exists(target));
        var (fromExit, _, fromErr) = Run("plan", "--from", "1", "--db", db);
        Assert.True(fromExit == 2, fromErr);
    }

    [Theory]
    [InlineData("UPDATE run_line SET resource = 'bogus' WHERE position = 3", "run_line")]
    [InlineData("UPDATE run SET settings = 'not json'", "run")]
    [InlineData("UPDATE run SET settings = '{\"solver\":\"quantum\",\"workers\":1}'", "run")]
    [InlineData("UPDATE run SET status = 'MAYBE'", "run")]
    [InlineData("UPDATE run_itinerant SET stage = 'tertiary'", "run_itinerant")]
    [InlineData("UPDATE run_itinerant SET days = 'x y'", "run_itinerant")]
    [InlineData("UPDATE run_slot SET weekday = 9", "run_slot")]
    [InlineData("UPDATE run_line SET funding = 'lottery'", "run_line")]
    public void ARowThePogramDoesNotKnowIsADamagedWorkspace(string sql, string table)
    {
        var db = StoredRun();
        Assert.Equal(0, Run("plan", Sample, "--save", "--db", db, "--solver", "greedy", "--seed", "1").Exit);
        Sql(db, sql);
        var output = Path.Combine(Path.GetDirectoryName(db)!, "shown");
        foreach (
            var args in new[]
            {
                new[] { "runs", "--db", db },
                ["show", "1", "--db", db, "--out", output],
                ["diff", "1", "2", "--db", db],
                ["adopt", "1", "--note", "x", "--db", db],
                ["plan", "--from", "1", "--db", db],
            }
        )
        {
            var (exit, _, err) = Run(args);
            // Each command reads what it needs: a damaged row it never reads may leave it working.
            Assert.True(exit is 0 or 2, $"{string.Join(' ', args)}: exit {exit}\n{err}");
            if (exit == 2)
                Assert.Contains(table, err);
        }
        Assert.Equal(2, Run("show", "1", "--db", db, "--out", output).Exit);
        Assert.False(Directory.Exists(output));
    }

    /// <summary>A copy taken while a connection holds the database open keeps its WAL or journal pending.</summary>
    private static string Pending(string journal, string setup)
    {
        var dir = TempDir();
        var live = Path.Combine(dir, "live.db");
        using var c = new SqliteConnection($"Data Source={live};Pooling=False");
        c.Open();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = $"PRAGMA journal_mode={journal}; PRAGMA wal_autocheckpoint=0; {setup}";
            cmd.ExecuteNonQuery();
        }
        var copy = Path.Combine(dir, "copy.db");
        if (journal == "DELETE")
        {
            // A hot journal: a transaction half-written when the copy is taken.
            using var tx = c.BeginTransaction();
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO t VALUES (zeroblob(200000)); PRAGMA cache_size=1;";
            cmd.ExecuteNonQuery();
            cmd.CommandText = "INSERT INTO t SELECT zeroblob(200000) FROM t;";
            cmd.ExecuteNonQuery();
            foreach (var x in new[] { "", "-journal" })
                if (File.Exists(live + x))
                    File.Copy(live + x, copy + x);
        }
        else
            foreach (var x in new[] { "", "-wal" })
                File.Copy(live + x, copy + x);
        return copy;
    }

    private static Dictionary<string, string> Files(string db) =>
        Workspace
            .Companions.Prepend("")
            .Where(x => File.Exists(db + x))
            .ToDictionary(x => x, x => Convert.ToHexString(File.ReadAllBytes(db + x)));

    [Theory]
    [InlineData("WAL", "CREATE TABLE t (x); INSERT INTO t VALUES (1);")]
    [InlineData("WAL", "PRAGMA application_id=1398030662; PRAGMA user_version=99; CREATE TABLE t (x);")]
    [InlineData("DELETE", "CREATE TABLE t (x);")]
    public void ARefusedWorkspaceKeepsItsBytesJournalAndWal(string journal, string setup)
    {
        var db = Pending(journal, setup);
        var before = Files(db);
        Assert.Contains(before.Keys, k => k is "-wal" or "-journal");
        var (exit, _, err) = Run("runs", "--db", db);
        Assert.True(exit == 2, err);
        Assert.Equal(before, Files(db));
    }
}
