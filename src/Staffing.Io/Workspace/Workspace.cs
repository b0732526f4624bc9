using Microsoft.Data.Sqlite;

namespace Staffing.Io;

/// <summary>
/// The planner's workspace: one SQLite file (WAL) of imported scenarios, stored runs, pins, names and notes, and
/// the adopted run of each scenario. A run is never changed once stored; every change is one transaction, so a
/// kill leaves the file as before or after it. A connection per operation: the server calls it from many threads.
/// </summary>
public sealed partial class Workspace
{
    public const string DefaultFile = "staffing.db";

    /// <summary>The files of a scenario folder the program reads, stored as they are.</summary>
    public static readonly IReadOnlyList<string> ScenarioFiles =
    [
        "centres.csv",
        "current.csv",
        "eoep.csv",
        "locks.csv",
        "policy.json",
        "pool.csv",
        "trends.csv",
    ];

    /// <summary>The files SQLite keeps beside a database: they belong to it and are protected with it.</summary>
    public static readonly IReadOnlyList<string> Companions = ["-wal", "-shm", "-journal"];

    private readonly string connection;
    private readonly TimeProvider clock;

    public string Path { get; }

    private Workspace(string path, TimeProvider clock)
    {
        Path = path;
        this.clock = clock;
        connection = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            // A file locked by another process waits this long, then is answered.
            DefaultTimeout = 3,
        }.ToString();
    }

    /// <summary>
    /// Opens (with <paramref name="create"/>, creates) a workspace, bringing an older schema forward. Refuses,
    /// touching nothing: a folder, a file that is not SQLite, another program's database, a newer schema, a
    /// damaged or locked file.
    /// </summary>
    public static Workspace Open(string path, bool create, TimeProvider? clock = null)
    {
        var shown = path;
        if (Directory.Exists(path))
            throw Refused(shown, Texts.FoundFolder, Texts.ExpectedWorkspaceFile);
        var exists = File.Exists(path);
        if (!exists && !create)
            throw Refused(shown, Texts.FoundNoSuchFile, Texts.ExpectedWorkspaceMade);
        if (exists && new FileInfo(path).Length > 0 && !HasSqliteHeader(path))
            throw Refused(shown, Texts.FoundNotSqlite, Texts.ExpectedWorkspace);
        var full = System.IO.Path.GetFullPath(path);
        if (!exists && System.IO.Path.GetDirectoryName(full) is { } dir && !Directory.Exists(dir))
            throw Refused(shown, Say.Format(Texts.FoundNoFolder, InputErrors.Quote(dir)), Texts.ExpectedWorkspaceFolder);
        var w = new Workspace(full, clock ?? TimeProvider.System);
        w.Guard(() =>
        {
            // Looked at read-only first: a file refused keeps its bytes, its journal and its WAL as they were.
            if (exists)
                Judge(shown, Inspect(full));
            using var c = new SqliteConnection(
                new SqliteConnectionStringBuilder(w.connection) { Mode = SqliteOpenMode.ReadWriteCreate }.ToString()
            );
            c.Open();
            var found = (
                Scalar<long>(c, "PRAGMA application_id"),
                Scalar<long>(c, "PRAGMA user_version"),
                Scalar<long>(c, "SELECT count(*) FROM sqlite_master")
            );
            Judge(shown, found);
            if (found.Item2 < Migrations.Current)
                Migrate(c, (int)found.Item2);
            Execute(c, "PRAGMA journal_mode=WAL");
            return 0;
        });
        return w;
    }

    /// <summary>Refuses another program's database or a newer schema.</summary>
    private static void Judge(string shown, (long Id, long Version, long Tables) found)
    {
        if (found.Id != Migrations.ApplicationId && (found.Id != 0 || found.Tables > 0))
            throw Refused(shown, Texts.FoundOtherDatabase, Texts.ExpectedWorkspace);
        if (found.Version > Migrations.Current)
            throw Refused(
                shown,
                Say.Format(Texts.FoundSchema, found.Version),
                Say.Format(Texts.ExpectedSchema, Migrations.Current)
            );
    }

    /// <summary>
    /// The application id, schema version and table count of a database, read without changing it: the file alone
    /// opened immutable, or, when a journal or WAL waits beside it, a copy of the three read as SQLite would.
    /// </summary>
    private static (long Id, long Version, long Tables) Inspect(string full)
    {
        var pending = Companions
            .Where(x => x != "-shm" && File.Exists(full + x) && new FileInfo(full + x).Length > 0)
            .ToList();
        if (pending.Count == 0)
            return Read($"{new Uri(full).AbsoluteUri}?immutable=1", SqliteOpenMode.ReadOnly);
        var folder = Directory.CreateTempSubdirectory("staffing-inspect-").FullName;
        try
        {
            var copy = System.IO.Path.Combine(folder, "workspace.db");
            File.Copy(full, copy);
            foreach (var x in pending)
                File.Copy(full + x, copy + x);
            return Read(copy, SqliteOpenMode.ReadWrite);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }

        static (long, long, long) Read(string source, SqliteOpenMode mode)
        {
            using var c = new SqliteConnection(
                new SqliteConnectionStringBuilder { DataSource = source, Mode = mode, Pooling = false }.ToString()
            );
            c.Open();
            return (
                Scalar<long>(c, "PRAGMA application_id"),
                Scalar<long>(c, "PRAGMA user_version"),
                Scalar<long>(c, "SELECT count(*) FROM sqlite_master")
            );
        }
    }

    private static bool HasSqliteHeader(string path)
    {
        Span<byte> head = stackalloc byte[16];
        using var f = File.OpenRead(path);
        return f.ReadAtLeast(head, 16, throwOnEndOfStream: false) == 16 && head.SequenceEqual("SQLite format 3\0"u8);
    }

    private static void Migrate(SqliteConnection c, int from)
    {
        using var tx = c.BeginTransaction(deferred: false);
        for (var v = from; v < Migrations.Current; v++)
            Execute(c, Migrations.Steps[v], tx);
        Execute(c, $"PRAGMA application_id={Migrations.ApplicationId}", tx);
        Execute(c, $"PRAGMA user_version={Migrations.Current}", tx);
        tx.Commit();
    }

    /// <summary>The workspace brought to a given schema only, for tests of the migration path.</summary>
    public static void CreateAtVersion(string path, int version)
    {
        using var c = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()
        );
        c.Open();
        using var tx = c.BeginTransaction(deferred: false);
        for (var v = 0; v < version; v++)
            Execute(c, Migrations.Steps[v], tx);
        Execute(c, $"PRAGMA application_id={Migrations.ApplicationId}", tx);
        Execute(c, $"PRAGMA user_version={version}", tx);
        tx.Commit();
    }

    public int SchemaVersion => Guard(() => (int)Scalar<long>(Connect(), "PRAGMA user_version", dispose: true));
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(
    PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower
)]
[System.Text.Json.Serialization.JsonSerializable(typeof(RunSettings))]
internal sealed partial class StoreJson : System.Text.Json.Serialization.JsonSerializerContext;
