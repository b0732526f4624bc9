namespace Staffing.Io;

/// <summary>
/// The workspace's schema, one step a version (PRAGMA user_version). A step is never edited once released: a
/// change is a new step, so every older file can be brought forward.
/// </summary>
public static class Migrations
{
    /// <summary>PRAGMA application_id of a staffing workspace ("STAF"), so another program's database is told apart.</summary>
    public const int ApplicationId = 0x53544146;

    public static readonly IReadOnlyList<string> Steps =
    [
        // 1: scenarios as imported (their files, content-hashed) and runs with everything they produced.
        """
            CREATE TABLE scenario (
                id INTEGER PRIMARY KEY,
                hash TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                imported_at TEXT NOT NULL,
                imported_by TEXT NOT NULL
            );
            CREATE TABLE scenario_file (
                scenario_id INTEGER NOT NULL REFERENCES scenario(id),
                name TEXT NOT NULL,
                content BLOB NOT NULL,
                PRIMARY KEY (scenario_id, name)
            );
            CREATE TABLE run (
                id INTEGER PRIMARY KEY,
                scenario_id INTEGER NOT NULL REFERENCES scenario(id),
                parent_id INTEGER REFERENCES run(id),
                name TEXT NOT NULL,
                note TEXT NOT NULL,
                who TEXT NOT NULL,
                created_at TEXT NOT NULL,
                solver TEXT NOT NULL,
                settings TEXT NOT NULL,
                policy_overrides TEXT,
                seed INTEGER NOT NULL,
                status TEXT NOT NULL,
                input_hash TEXT NOT NULL,
                solver_version TEXT NOT NULL,
                solver_parameters TEXT NOT NULL,
                solver_workers INTEGER NOT NULL,
                seconds REAL NOT NULL,
                line_count INTEGER NOT NULL,
                itinerant_count INTEGER NOT NULL,
                slot_count INTEGER
            );
            CREATE INDEX run_by_scenario ON run(scenario_id);
            CREATE TABLE run_level (
                run_id INTEGER NOT NULL REFERENCES run(id),
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                objective INTEGER NOT NULL,
                bound INTEGER,
                gap REAL,
                seconds REAL NOT NULL,
                PRIMARY KEY (run_id, position)
            );
            CREATE TABLE run_line (
                run_id INTEGER NOT NULL REFERENCES run(id),
                position INTEGER NOT NULL,
                code TEXT NOT NULL,
                resource TEXT NOT NULL,
                entitled INTEGER NOT NULL,
                allocated INTEGER NOT NULL,
                rules TEXT NOT NULL,
                funding TEXT NOT NULL,
                reason TEXT NOT NULL,
                PRIMARY KEY (run_id, position)
            );
            CREATE TABLE run_itinerant (
                run_id INTEGER NOT NULL REFERENCES run(id),
                position INTEGER NOT NULL,
                teacher TEXT NOT NULL,
                area TEXT NOT NULL,
                stage TEXT NOT NULL,
                centres TEXT NOT NULL,
                days TEXT NOT NULL,
                free_days INTEGER NOT NULL,
                same_locality INTEGER NOT NULL,
                km REAL,
                PRIMARY KEY (run_id, position)
            );
            CREATE TABLE run_slot (
                run_id INTEGER NOT NULL REFERENCES run(id),
                position INTEGER NOT NULL,
                eoep TEXT NOT NULL,
                person TEXT NOT NULL,
                role TEXT NOT NULL,
                weekday INTEGER NOT NULL,
                centre TEXT,
                PRIMARY KEY (run_id, position)
            );
            CREATE TABLE run_lock (
                run_id INTEGER NOT NULL REFERENCES run(id),
                code TEXT NOT NULL,
                resource TEXT NOT NULL,
                amount INTEGER NOT NULL,
                partner TEXT,
                PRIMARY KEY (run_id, code, resource)
            );
            """,
        // 2: the planner's work on top of the runs: pins for the next run, names and notes, the adopted run.
        """
            CREATE TABLE pin (
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL REFERENCES run(id),
                code TEXT NOT NULL,
                resource TEXT NOT NULL,
                amount INTEGER NOT NULL,
                partner TEXT,
                who TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE INDEX pin_by_run ON pin(run_id);
            CREATE TABLE annotation (
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL REFERENCES run(id),
                name TEXT,
                note TEXT,
                who TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE TABLE adoption (
                id INTEGER PRIMARY KEY,
                scenario_id INTEGER NOT NULL REFERENCES scenario(id),
                run_id INTEGER NOT NULL REFERENCES run(id),
                who TEXT NOT NULL,
                adopted_at TEXT NOT NULL,
                note TEXT NOT NULL
            );
            CREATE INDEX adoption_by_scenario ON adoption(scenario_id);
            """,
        // 3: a line's reason as a value (ExplanationJson), worded when read, in the reader's language; the lines
        // stored before keep their words in reason, shown as they were written.
        """
            ALTER TABLE run_line ADD COLUMN reason_json TEXT;
            """,
    ];

    public static int Current => Steps.Count;
}
