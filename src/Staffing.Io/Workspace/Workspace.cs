using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Staffing.Io;

/// <summary>
/// The planner's workspace: one SQLite file (WAL) of imported scenarios, stored runs, pins, names and notes, and
/// the adopted run of each scenario. A run is never changed once stored; every change is one transaction, so a
/// kill leaves the file as before or after it. A connection per operation: the server calls it from many threads.
/// </summary>
public sealed class Workspace
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

    // ---- scenarios

    /// <summary>The scenario folder's files stored once, by their content: the same files twice are one scenario.</summary>
    public StoredScenario Import(string folder, string who)
    {
        var (files, hash) = Files(folder);
        var name = System.IO.Path.GetFileName(
            System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(folder))
        );
        return Guard(() =>
        {
            using var c = Connect();
            using var tx = c.BeginTransaction(deferred: false);
            if (FindScenario(c, "hash = $h", ("$h", hash), tx) is { } known)
                return known;
            var id = Insert(
                c,
                tx,
                "INSERT INTO scenario (hash, name, imported_at, imported_by) VALUES ($h, $n, $t, $w) RETURNING id",
                ("$h", hash),
                ("$n", name),
                ("$t", Now()),
                ("$w", who)
            );
            foreach (var (file, content) in files)
                Insert(
                    c,
                    tx,
                    "INSERT INTO scenario_file (scenario_id, name, content) VALUES ($s, $n, $c)",
                    ("$s", id),
                    ("$n", file),
                    ("$c", content)
                );
            tx.Commit();
            return FindScenario(c, "id = $id", ("$id", id))!;
        });
    }

    /// <summary>The scenario a folder's files are, if imported.</summary>
    public StoredScenario? Find(string folder)
    {
        var hash = Files(folder).Hash;
        return Guard(() =>
        {
            using var c = Connect();
            return FindScenario(c, "hash = $h", ("$h", hash));
        });
    }

    public StoredScenario? Scenario(long id) =>
        Guard(() =>
        {
            using var c = Connect();
            return FindScenario(c, "id = $id", ("$id", id));
        });

    public IReadOnlyList<StoredScenario> Scenarios() =>
        Guard(() =>
        {
            using var c = Connect();
            return Query(c, "SELECT id, hash, name, imported_at, imported_by FROM scenario ORDER BY id", ReadScenario);
        });

    /// <summary>Writes the scenario's stored files into a folder, for the reader.</summary>
    public void WriteFiles(long scenarioId, string folder) =>
        Guard(() =>
        {
            using var c = Connect();
            foreach (
                var (name, content) in Query(
                    c,
                    "SELECT name, content FROM scenario_file WHERE scenario_id = $s ORDER BY name",
                    r => (StoredFileName(r.GetString(0)), (byte[])r.GetValue(1)),
                    ("$s", scenarioId)
                )
            )
                File.WriteAllBytes(System.IO.Path.Combine(folder, name), content);
            return 0;
        });

    /// <summary>The folder's scenario files as they are, and their content hash (names and bytes).</summary>
    private static (List<(string Name, byte[] Content)> Files, string Hash) Files(string folder)
    {
        var files = ScenarioFiles
            .Select(n => (Name: n, Path: System.IO.Path.Combine(folder, n)))
            .Where(f => File.Exists(f.Path))
            .Select(f => (f.Name, Content: File.ReadAllBytes(f.Path)))
            .ToList();
        return (files, Hash(files));
    }

    private static string Hash(List<(string Name, byte[] Content)> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, content) in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"{name}\0{content.Length}\0"));
            sha.AppendData(content);
        }
        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    // ---- runs

    /// <summary>Stores a run whole, in one transaction; returns its id.</summary>
    public long Save(NewRun run) =>
        Guard(() =>
        {
            using var c = Connect();
            using var tx = c.BeginTransaction(deferred: false);
            var p = run.Plan;
            var id = Insert(
                c,
                tx,
                """
                INSERT INTO run (scenario_id, parent_id, name, note, who, created_at, solver, settings,
                    policy_overrides, seed, status, input_hash, solver_version, solver_parameters, solver_workers,
                    seconds, line_count, itinerant_count, slot_count)
                VALUES ($s, $p, $n, $note, $w, $t, $solver, $settings, $pol, $seed, $status, $hash, $sv, $sp, $sw,
                    $sec, $lc, $ic, $sc) RETURNING id
                """,
                ("$s", run.ScenarioId),
                ("$p", run.ParentId),
                ("$n", run.Name),
                ("$note", run.Note),
                ("$w", run.Who),
                ("$t", Now()),
                ("$solver", p.Solver.Name),
                ("$settings", JsonSerializer.Serialize(run.Settings, StoreJson.Default.RunSettings)),
                ("$pol", run.PolicyOverrides),
                ("$seed", p.Solver.Seed),
                ("$status", p.Status),
                ("$hash", p.InputHash),
                ("$sv", p.Solver.Version),
                ("$sp", p.Solver.Parameters),
                ("$sw", p.Solver.Workers),
                ("$sec", p.Seconds),
                ("$lc", p.Lines.Length),
                ("$ic", p.Itinerants.Length),
                ("$sc", p.Schedule?.Length)
            );
            Bulk(
                c,
                tx,
                "INSERT INTO run_level VALUES ($r, $i, $a, $b, $c, $d, $e)",
                p.Levels.Select((l, i) => new object?[] { id, i, l.Name, l.Objective, l.Bound, l.Gap, l.Seconds })
            );
            Bulk(
                c,
                tx,
                "INSERT INTO run_line VALUES ($r, $i, $a, $b, $c, $d, $e, $f, $g)",
                p.Lines.Select(
                    (l, i) =>
                        new object?[]
                        {
                            id,
                            i,
                            l.Code,
                            l.Resource.Name(),
                            l.Entitled,
                            l.Allocated,
                            l.Rules,
                            l.Funding.Name(),
                            l.Reason,
                        }
                )
            );
            Bulk(
                c,
                tx,
                "INSERT INTO run_itinerant VALUES ($r, $i, $a, $b, $c, $d, $e, $f, $g, $h)",
                p.Itinerants.Select(
                    (t, i) =>
                        new object?[]
                        {
                            id,
                            i,
                            t.Id,
                            t.Area,
                            t.Stage.Name(),
                            string.Join(' ', t.Centres),
                            string.Join(' ', t.Days),
                            t.FreeDays,
                            t.SameLocality ? 1 : 0,
                            t.Km,
                        }
                )
            );
            Bulk(
                c,
                tx,
                "INSERT INTO run_slot VALUES ($r, $i, $a, $b, $c, $d, $e)",
                (p.Schedule ?? []).Select(
                    (s, i) => new object?[] { id, i, s.Eoep, s.Person, s.Role, s.Weekday, s.Centre }
                )
            );
            Bulk(
                c,
                tx,
                "INSERT INTO run_lock VALUES ($r, $a, $b, $c, $d)",
                run.Locks.Select(l => new object?[] { id, l.Code, l.Resource.Name(), l.Amount, l.Partner })
            );
            tx.Commit();
            return id;
        });

    /// <summary>The runs of one scenario (or of all), newest first.</summary>
    public IReadOnlyList<RunInfo> Runs(long? scenarioId = null) =>
        Guard(() =>
        {
            using var c = Connect();
            return ReadRuns(c, scenarioId is null ? "1 = 1" : "r.scenario_id = $s", ("$s", scenarioId));
        });

    /// <summary>One run, or a located refusal naming the runs there are.</summary>
    public RunInfo Run(long id) =>
        FindRun(id)
        ?? throw InputException.Single(Say.Format(Texts.NoRun, Path, id));

    /// <summary>One run, or null when there is none of that id.</summary>
    public RunInfo? FindRun(long id) =>
        Guard(() =>
        {
            using var c = Connect();
            return ReadRuns(c, "r.id = $id", ("$id", id)).SingleOrDefault();
        });

    private List<RunInfo> ReadRuns(SqliteConnection c, string where, params (string, object?)[] args)
    {
        var shortfalls = Query(
                c,
                $"""
                SELECT l.run_id, l.resource, sum(l.entitled - l.allocated) FROM run_line l JOIN run r ON r.id = l.run_id
                WHERE {where} AND l.funding = 'pool' GROUP BY l.run_id, l.resource
                """,
                r => (Run: r.GetInt64(0), Resource: ParseResource(r.GetString(1)), Sum: r.GetInt32(2)),
                args
            )
            .ToLookup(x => x.Run);
        var adopted = Query(
                c,
                "SELECT scenario_id, run_id FROM adoption a WHERE id = (SELECT max(id) FROM adoption b WHERE b.scenario_id = a.scenario_id)",
                r => r.GetInt64(1)
            )
            .ToHashSet();
        return Query(
            c,
            $"""
            SELECT r.id, r.scenario_id, r.parent_id,
                coalesce((SELECT name FROM annotation a WHERE a.run_id = r.id AND a.name IS NOT NULL ORDER BY id DESC LIMIT 1), r.name),
                coalesce((SELECT note FROM annotation a WHERE a.run_id = r.id AND a.note IS NOT NULL ORDER BY id DESC LIMIT 1), r.note),
                r.who, r.created_at, r.settings, r.policy_overrides, r.status, r.input_hash, r.seconds,
                (SELECT count(*) FROM pin p WHERE p.run_id = r.id),
                (SELECT count(*) FROM scenario s WHERE s.id = r.scenario_id)
            FROM run r WHERE {where} ORDER BY r.id DESC
            """,
            r =>
            {
                var id = r.GetInt64(0);
                if (r.GetInt64(13) != 1)
                    throw Damaged("scenario_id", r.GetInt64(1).ToString(CultureInfo.InvariantCulture));
                return new RunInfo(
                    id,
                    r.GetInt64(1),
                    r.IsDBNull(2) ? null : r.GetInt64(2),
                    r.GetString(3),
                    r.GetString(4),
                    r.GetString(5),
                    r.GetString(6),
                    ReadSettings(r.GetString(7)),
                    r.IsDBNull(8) ? null : r.GetString(8),
                    Known(r.GetString(9), Statuses, "status"),
                    r.GetString(10),
                    r.GetDouble(11),
                    [
                        .. shortfalls[id]
                            .GroupBy(x => x.Resource.Unit())
                            .OrderBy(g => g.Key, StringComparer.Ordinal)
                            .Select(g => new UnitTotal(g.Key, g.Sum(x => x.Sum))),
                    ],
                    adopted.Contains(id),
                    r.GetInt32(12)
                );
            },
            args
        );
    }

    /// <summary>The plan a run stored, as it was planned (rows, teachers, EOEP week, levels and solver).</summary>
    public Plan Plan(long runId) =>
        Guard(() =>
        {
            using var c = Connect();
            var head = Query(
                    c,
                    """
                    SELECT status, solver, solver_version, solver_parameters, solver_workers, seed, seconds,
                        input_hash, slot_count FROM run WHERE id = $r
                    """,
                    r =>
                        (
                            Status: Known(r.GetString(0), Statuses, "status"),
                            Solver: new SolverInfo(
                                Known(r.GetString(1), Solvers, "solver"),
                                r.GetString(2),
                                r.GetString(3),
                                r.GetInt32(4),
                                r.GetInt32(5)
                            ),
                            Seconds: r.GetDouble(6),
                            Hash: r.GetString(7),
                            HasSchedule: !r.IsDBNull(8)
                        ),
                    ("$r", runId)
                )
                .SingleOrDefault();
            if (head.Status is null)
                throw InputException.Single(Say.Format(Texts.NoRun, Path, runId));
            var lines = Query(
                c,
                "SELECT code, resource, entitled, allocated, rules, funding, reason FROM run_line WHERE run_id = $r ORDER BY position",
                r => new PlanLine(
                    r.GetString(0),
                    ParseResource(r.GetString(1)),
                    r.GetInt32(2),
                    r.GetInt32(3),
                    r.GetString(4),
                    Known(r.GetString(5), ["pool", "agreement"], "funding") == "pool" ? Funding.Pool : Funding.Agreement,
                    r.GetString(6)
                ),
                ("$r", runId)
            );
            var teachers = Query(
                c,
                "SELECT teacher, area, stage, centres, days, free_days, same_locality, km FROM run_itinerant WHERE run_id = $r ORDER BY position",
                r => ReadTeacher(r),
                ("$r", runId)
            );
            var slots = Query(
                c,
                "SELECT eoep, person, role, weekday, centre FROM run_slot WHERE run_id = $r ORDER BY position",
                r => new ScheduleSlot(
                    r.GetString(0),
                    r.GetString(1),
                    Known(r.GetString(2), ["psychopedagogue", "ptsc"], "role"),
                    Within(r.GetInt32(3), 0, Vocabulary.Weekdays.Length - 1, "weekday"),
                    r.IsDBNull(4) ? null : r.GetString(4)
                ),
                ("$r", runId)
            );
            var levels = Query(
                c,
                "SELECT name, objective, bound, gap, seconds FROM run_level WHERE run_id = $r ORDER BY position",
                r => new LevelResult(
                    r.GetString(0),
                    r.GetInt64(1),
                    r.IsDBNull(2) ? null : r.GetInt64(2),
                    r.IsDBNull(3) ? null : r.GetDouble(3),
                    r.GetDouble(4)
                ),
                ("$r", runId)
            );
            return new Plan(
                [.. lines],
                [.. teachers],
                head.HasSchedule ? [.. slots] : null,
                head.Status,
                head.Solver,
                [.. levels],
                head.Seconds,
                head.Hash
            );
        });

    /// <summary>The locks a run was solved with.</summary>
    public IReadOnlyList<Holding> Locks(long runId) =>
        Guard(() =>
        {
            using var c = Connect();
            return Query(
                c,
                "SELECT code, resource, amount, partner FROM run_lock WHERE run_id = $r ORDER BY code, resource",
                ReadHolding,
                ("$r", runId)
            );
        });

    // ---- pins, names and notes, adoption

    public IReadOnlyList<PinRecord> Pins(long runId) =>
        Guard(() =>
        {
            using var c = Connect();
            return ReadPins(c, runId);
        });

    /// <summary>
    /// Adds a pin to a run (the run itself is not changed: the pins go into the next run solved from it). A pin
    /// on a centre and resource already pinned replaces it. With <paramref name="expectedPins"/>, refused as stale
    /// when the run's pins are no longer the number the caller saw.
    /// </summary>
    public PinRecord Pin(long runId, Holding pin, string who, int? expectedPins = null) =>
        Guard(() =>
        {
            using var c = Connect();
            using var tx = c.BeginTransaction(deferred: false);
            var pins = ReadPins(c, runId, tx);
            if (expectedPins is { } n && n != pins.Count)
                throw new StaleException(
                    Say.Format(Texts.StalePins, runId, pins.Count, n)
                        + string.Join("; ", pins.Skip(Math.Min(n, pins.Count)).Select(p => Describe(p)))
                );
            Execute(
                c,
                "DELETE FROM pin WHERE run_id = $r AND code = $c AND resource = $res",
                tx,
                ("$r", runId),
                ("$c", pin.Code),
                ("$res", pin.Resource.Name())
            );
            var id = Insert(
                c,
                tx,
                "INSERT INTO pin (run_id, code, resource, amount, partner, who, created_at) VALUES ($r, $c, $res, $a, $p, $w, $t) RETURNING id",
                ("$r", runId),
                ("$c", pin.Code),
                ("$res", pin.Resource.Name()),
                ("$a", pin.Amount),
                ("$p", pin.Partner),
                ("$w", who),
                ("$t", Now())
            );
            tx.Commit();
            return ReadPins(c, runId).Single(p => p.Id == id);
        });

    /// <summary>Removes one of a run's pins.</summary>
    public void Unpin(long runId, long pinId) =>
        Guard(() =>
        {
            using var c = Connect();
            if (Execute(c, "DELETE FROM pin WHERE run_id = $r AND id = $p", null, ("$r", runId), ("$p", pinId)) == 0)
                throw InputException.Single(Say.Format(Texts.NoPin, Path, pinId, runId));
            return 0;
        });

    public static string Describe(PinRecord p) =>
        p.Lock.Resource.IsItinerant() && p.Lock.Partner is { } partner
            ? Say.Format(Texts.PinPair, p.Lock.Code, partner, p.Lock.Resource.Name(), p.Who)
            : Say.Format(Texts.PinAmount, p.Lock.Code, p.Lock.Resource.Name(), p.Lock.Amount, p.Who);

    public void Annotate(long runId, string? name, string? note, string who) =>
        Guard(() =>
        {
            using var c = Connect();
            Insert(
                c,
                null,
                "INSERT INTO annotation (run_id, name, note, who, created_at) VALUES ($r, $n, $note, $w, $t)",
                ("$r", runId),
                ("$n", name),
                ("$note", note),
                ("$w", who),
                ("$t", Now())
            );
            return 0;
        });

    /// <summary>The scenario's adopted run, if any: the latest adoption.</summary>
    public AdoptionRecord? Adopted(long scenarioId) =>
        Guard(() =>
        {
            using var c = Connect();
            return ReadAdoption(c, scenarioId, null);
        });

    /// <summary>
    /// Adopts a run for its scenario (the one adopted before is no longer). With <paramref name="checkExpected"/>,
    /// refused as stale when the adopted run is no longer <paramref name="expected"/> (null: none).
    /// </summary>
    public AdoptionRecord Adopt(
        long runId,
        string who,
        string note,
        bool checkExpected = false,
        long? expected = null
    ) =>
        Guard(() =>
        {
            var run = Run(runId);
            using var c = Connect();
            using var tx = c.BeginTransaction(deferred: false);
            var now = ReadAdoption(c, run.ScenarioId, tx);
            if (checkExpected && now?.RunId != expected)
                throw new StaleException(
                    now is null
                        ? Say.Format(Texts.StaleNoAdoption, expected)
                        : Say.Format(
                            Texts.StaleAdoption,
                            now.RunId,
                            now.Who,
                            now.AdoptedAt,
                            expected is null ? Texts.NoneAdopted : Say.Format(Texts.RunNumber, expected)
                        )
                );
            Insert(
                c,
                tx,
                "INSERT INTO adoption (scenario_id, run_id, who, adopted_at, note) VALUES ($s, $r, $w, $t, $n)",
                ("$s", run.ScenarioId),
                ("$r", runId),
                ("$w", who),
                ("$t", Now()),
                ("$n", note)
            );
            tx.Commit();
            return ReadAdoption(c, run.ScenarioId, null)!;
        });

    /// <summary>Every run is complete: as many rows stored as its head says (for the kill test and a check).</summary>
    public IReadOnlyList<string> Check() =>
        Guard(() =>
        {
            using var c = Connect();
            var problems = Query(c, "PRAGMA integrity_check", r => r.GetString(0)).Where(s => s != "ok").ToList();
            problems.AddRange(
                Query(
                    c,
                    """
                    SELECT r.id FROM run r WHERE r.line_count != (SELECT count(*) FROM run_line l WHERE l.run_id = r.id)
                        OR r.itinerant_count != (SELECT count(*) FROM run_itinerant t WHERE t.run_id = r.id)
                        OR coalesce(r.slot_count, 0) != (SELECT count(*) FROM run_slot s WHERE s.run_id = r.id)
                    """,
                    r => $"run {r.GetInt64(0)} is incomplete"
                )
            );
            return problems;
        });

    // ---- helpers

    private SqliteConnection Connect()
    {
        var c = new SqliteConnection(connection);
        c.Open();
        Execute(c, "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL");
        return c;
    }

    private string Now() => clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>SQLite's failures as the answer a person can act on (exit 2), naming the file.</summary>
    private T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (DamagedTableException ex)
        {
            throw Refused(Path, Say.Format(Texts.FoundDamagedRow, ex.Table, ex.Row, ex.Message), Texts.ExpectedSound);
        }
        catch (SqliteException ex)
        {
            throw ex.SqliteErrorCode switch
            {
                5 or 6 => Refused(Path, Texts.FoundLocked, Texts.ExpectedFree),
                11 => Refused(Path, Say.Format(Texts.FoundDamaged, ex.Message.TrimEnd('.')), Texts.ExpectedSound),
                26 => Refused(Path, Texts.FoundNotSqlite, Texts.ExpectedWorkspace),
                8 or 14 => Refused(Path, Say.Format(Texts.FoundReadOnly, ex.Message.TrimEnd('.')), Texts.ExpectedWritable),
                _ => Refused(Path, Say.Format(Texts.FoundDatabaseError, ex.Message.TrimEnd('.')), Texts.ExpectedSound),
            };
        }
    }

    /// <summary>The table a query reads (its outer FROM, subqueries aside), for a message about one of its rows.</summary>
    private static string Table(string sql)
    {
        var outer = sql;
        for (var inner = ""; inner != outer; )
            (inner, outer) = (outer, System.Text.RegularExpressions.Regex.Replace(outer, @"\([^()]*\)", ""));
        return System
            .Text.RegularExpressions.Regex.Match(
                outer,
                @"\bFROM\s+(\w+)",
                System.Text.RegularExpressions.RegexOptions.IgnoreCase
            )
            .Groups[1]
            .Value;
    }

    private sealed class DamagedTableException(string table, int row, string detail) : Exception(detail)
    {
        public string Table { get; } = table;
        public int Row { get; } = row;
    }

    private static InputException Refused(string path, string found, string expected) =>
        InputException.Single($"{path}: " + Say.Format(Say.DomainFoundExpected, found, expected));

    private static Resource ParseResource(string name) =>
        Vocabulary.TryParseResource(name, out var r) ? r : throw Damaged("resource", name);

    private static readonly string[] Statuses = ["ENTITLEMENT", "OPTIMAL", "FEASIBLE"];
    private static readonly string[] Solvers = ["cp-sat", "greedy"];

    /// <summary>A stored value the program knows, or the row is damaged.</summary>
    private static string Known(string value, string[] known, string what) =>
        known.Contains(value, StringComparer.Ordinal) ? value : throw Damaged(what, value);

    private static int Within(int value, int min, int max, string what) =>
        value >= min && value <= max ? value : throw Damaged(what, value.ToString(CultureInfo.InvariantCulture));

    private static RunSettings ReadSettings(string json)
    {
        try
        {
            var settings = JsonSerializer.Deserialize(json, StoreJson.Default.RunSettings);
            if (
                settings?.Solver is { } solver
                && Solvers.Contains(solver)
                && settings.Workers >= 1
                && settings.Delimiter is null or "," or ";"
                && settings.Encoding is null or "utf-8" or "windows-1252"
            )
                return settings;
        }
        catch (JsonException) { }
        throw Damaged("settings", json);
    }

    private static ItinerantTeacher ReadTeacher(SqliteDataReader r)
    {
        var centres = r.GetString(3).Split(' ');
        var days = r.GetString(4).Split(' ');
        if (centres.Length != days.Length || centres.Length > 5)
            throw Damaged("centres", r.GetString(3));
        return new ItinerantTeacher(
            r.GetString(0),
            r.GetString(1),
            Known(r.GetString(2), ["primary", "secondary"], "stage") == "primary" ? Stage.Primary : Stage.Secondary,
            [.. centres],
            [
                .. days.Select(d =>
                    int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 5
                        ? n
                        : throw Damaged("days", d)
                ),
            ],
            Within(r.GetInt32(5), 0, 5, "free_days"),
            r.GetInt32(6) == 1,
            r.IsDBNull(7) ? null : r.GetDouble(7)
        );
    }

    /// <summary>
    /// A stored file name, only ever one of the scenario's own: anything else (a path, "..") is a damaged or crafted
    /// workspace, never a place to write.
    /// </summary>
    private static string StoredFileName(string name) =>
        ScenarioFiles.Contains(name, StringComparer.Ordinal) ? name : throw Damaged("file name", name);

    private static DamagedRowException Damaged(string what, string value) => new(what, value);

    /// <summary>A row whose value the program does not know: answered as a damaged workspace.</summary>
    private sealed class DamagedRowException(string what, string value) : Exception(what)
    {
        public string What { get; } = what;
        public string Value { get; } = value;
    }

    private static Holding ReadHolding(SqliteDataReader r) =>
        new(r.GetString(0), ParseResource(r.GetString(1)), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetString(3));

    private static StoredScenario ReadScenario(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4));

    private static StoredScenario? FindScenario(
        SqliteConnection c,
        string where,
        (string, object?) arg,
        SqliteTransaction? tx = null
    ) =>
        QueryTx(
                c,
                tx,
                $"SELECT id, hash, name, imported_at, imported_by FROM scenario WHERE {where}",
                ReadScenario,
                arg
            )
            .SingleOrDefault();

    private static List<PinRecord> ReadPins(SqliteConnection c, long runId, SqliteTransaction? tx = null) =>
        QueryTx(
            c,
            tx,
            "SELECT code, resource, amount, partner, id, run_id, who, created_at FROM pin WHERE run_id = $r ORDER BY id",
            r => new PinRecord(r.GetInt64(4), r.GetInt64(5), ReadHolding(r), r.GetString(6), r.GetString(7)),
            ("$r", runId)
        );

    private static AdoptionRecord? ReadAdoption(SqliteConnection c, long scenarioId, SqliteTransaction? tx) =>
        QueryTx(
                c,
                tx,
                "SELECT id, scenario_id, run_id, who, adopted_at, note FROM adoption WHERE scenario_id = $s ORDER BY id DESC LIMIT 1",
                r => new AdoptionRecord(
                    r.GetInt64(0),
                    r.GetInt64(1),
                    r.GetInt64(2),
                    r.GetString(3),
                    r.GetString(4),
                    r.GetString(5)
                ),
                ("$s", scenarioId)
            )
            .SingleOrDefault();

    private static T Scalar<T>(SqliteConnection c, string sql, bool dispose = false)
    {
        try
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
        }
        finally
        {
            if (dispose)
                c.Dispose();
        }
    }

    private static int Execute(
        SqliteConnection c,
        string sql,
        SqliteTransaction? tx = null,
        params (string Name, object? Value)[] args
    )
    {
        using var cmd = Command(c, tx, sql, args);
        return cmd.ExecuteNonQuery();
    }

    private static long Insert(
        SqliteConnection c,
        SqliteTransaction? tx,
        string sql,
        params (string Name, object? Value)[] args
    )
    {
        using var cmd = Command(c, tx, sql, args);
        return cmd.ExecuteScalar() is long id ? id : 0;
    }

    /// <summary>One prepared insert for many rows; parameters are bound in order of appearance ($r, $i, $a, …).</summary>
    private static void Bulk(SqliteConnection c, SqliteTransaction tx, string sql, IEnumerable<object?[]> rows)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        var names = System
            .Text.RegularExpressions.Regex.Matches(sql, @"\$\w+")
            .Select(m => m.Value)
            .Distinct()
            .ToList();
        // Values only: each row's types are inferred as it is bound.
        var parameters = names.Select(n => cmd.Parameters.AddWithValue(n, DBNull.Value)).ToList();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Count; i++)
                parameters[i].Value = row[i] ?? DBNull.Value;
            cmd.ExecuteNonQuery();
        }
    }

    private static List<T> Query<T>(
        SqliteConnection c,
        string sql,
        Func<SqliteDataReader, T> read,
        params (string Name, object? Value)[] args
    ) => QueryTx(c, null, sql, read, args);

    private static List<T> QueryTx<T>(
        SqliteConnection c,
        SqliteTransaction? tx,
        string sql,
        Func<SqliteDataReader, T> read,
        params (string Name, object? Value)[] args
    )
    {
        using var cmd = Command(c, tx, sql, args);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read())
            try
            {
                list.Add(read(r));
            }
            catch (Exception e)
                when (e is InvalidCastException or InvalidOperationException or FormatException or OverflowException or DamagedRowException)
            {
                throw new DamagedTableException(Table(sql), list.Count + 1, e is DamagedRowException d ? $"{d.What} {InputErrors.Quote(d.Value)}" : e.Message);
            }
        return list;
    }

    private static SqliteCommand Command(
        SqliteConnection c,
        SqliteTransaction? tx,
        string sql,
        (string Name, object? Value)[] args
    )
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(
    PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower
)]
[System.Text.Json.Serialization.JsonSerializable(typeof(RunSettings))]
internal sealed partial class StoreJson : System.Text.Json.Serialization.JsonSerializerContext;
