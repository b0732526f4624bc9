using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Staffing.Io;

/// <summary>Statements and rows: every row read checked, SQLite's failures answered.</summary>
public sealed partial class Workspace
{
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
        var centres = r.Text("centres").Split(' ');
        var days = r.Text("days").Split(' ');
        if (centres.Length != days.Length || centres.Length > 5)
            throw Damaged("centres", r.Text("centres"));
        return new ItinerantTeacher(
            r.Text("teacher"),
            r.Text("area"),
            Known(r.Text("stage"), ["primary", "secondary"], "stage") == "primary" ? Stage.Primary : Stage.Secondary,
            [.. centres],
            [
                .. days.Select(d =>
                    int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 5
                        ? n
                        : throw Damaged("days", d)
                ),
            ],
            Within(r.Int("free_days"), 0, 5, "free_days"),
            r.Int("same_locality") == 1,
            r.RealOrNull("km")
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
        new(r.Text("code"), ParseResource(r.Text("resource")), r.Int("amount"), r.TextOrNull("partner"));

    private static StoredScenario ReadScenario(SqliteDataReader r) =>
        new(r.Long("id"), r.Text("hash"), r.Text("name"), r.Text("imported_at"), r.Text("imported_by"));

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
            r => new PinRecord(r.Long("id"), r.Long("run_id"), ReadHolding(r), r.Text("who"), r.Text("created_at")),
            ("$r", runId)
        );

    private static AdoptionRecord? ReadAdoption(SqliteConnection c, long scenarioId, SqliteTransaction? tx) =>
        QueryTx(
                c,
                tx,
                "SELECT id, scenario_id, run_id, who, adopted_at, note FROM adoption WHERE scenario_id = $s ORDER BY id DESC LIMIT 1",
                r => new AdoptionRecord(
                    r.Long("id"),
                    r.Long("scenario_id"),
                    r.Long("run_id"),
                    r.Text("who"),
                    r.Text("adopted_at"),
                    r.Text("note")
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

    /// <summary>A stored line's reason: its value when stored as one, else its words as they were written.</summary>
    private static Explanation ReadReason(string words, string? json) =>
        json is null ? Explanation.Stored(words)
        : ExplanationJson.Read(json) ?? throw Damaged("reason_json", json);
}
