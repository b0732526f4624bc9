using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Staffing.Io;

/// <summary>Runs: stored whole in one transaction, read back as they were planned.</summary>
public sealed partial class Workspace
{
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
                "INSERT INTO run_level (run_id, position, name, objective, bound, gap, seconds) VALUES ($r, $i, $a, $b, $c, $d, $e)",
                p.Levels.Select((l, i) => new object?[] { id, i, l.Name, l.Objective, l.Bound, l.Gap, l.Seconds })
            );
            Bulk(
                c,
                tx,
                """
                INSERT INTO run_line (run_id, position, code, resource, entitled, allocated, rules, funding, reason,
                    reason_json)
                VALUES ($r, $i, $a, $b, $c, $d, $e, $f, '', $g)
                """,
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
                            l.Reason.IsNone ? null : ExplanationJson.Write(l.Reason),
                        }
                )
            );
            Bulk(
                c,
                tx,
                """
                INSERT INTO run_itinerant (run_id, position, teacher, area, stage, centres, days, free_days, same_locality, km)
                VALUES ($r, $i, $a, $b, $c, $d, $e, $f, $g, $h)
                """,
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
                "INSERT INTO run_slot (run_id, position, eoep, person, role, weekday, centre) VALUES ($r, $i, $a, $b, $c, $d, $e)",
                (p.Schedule ?? []).Select(
                    (s, i) => new object?[] { id, i, s.Eoep, s.Person, s.Role, s.Weekday, s.Centre }
                )
            );
            Bulk(
                c,
                tx,
                "INSERT INTO run_lock (run_id, code, resource, amount, partner) VALUES ($r, $a, $b, $c, $d)",
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
                SELECT l.run_id AS run_id, l.resource AS resource, sum(l.entitled - l.allocated) AS shortfall FROM run_line l JOIN run r ON r.id = l.run_id
                WHERE {where} AND l.funding = 'pool' GROUP BY l.run_id, l.resource
                """,
                r => (Run: r.Long("run_id"), Resource: ParseResource(r.Text("resource")), Sum: r.Int("shortfall")),
                args
            )
            .ToLookup(x => x.Run);
        var adopted = Query(
                c,
                "SELECT scenario_id, run_id FROM adoption a WHERE id = (SELECT max(id) FROM adoption b WHERE b.scenario_id = a.scenario_id)",
                r => r.Long("run_id")
            )
            .ToHashSet();
        return Query(
            c,
            $"""
            SELECT r.id AS id, r.scenario_id AS scenario_id, r.parent_id AS parent_id,
                coalesce((SELECT name FROM annotation a WHERE a.run_id = r.id AND a.name IS NOT NULL ORDER BY id DESC LIMIT 1), r.name) AS name,
                coalesce((SELECT note FROM annotation a WHERE a.run_id = r.id AND a.note IS NOT NULL ORDER BY id DESC LIMIT 1), r.note) AS note,
                r.who AS who, r.created_at AS created_at, r.settings AS settings, r.policy_overrides AS policy_overrides,
                r.status AS status, r.input_hash AS input_hash, r.seconds AS seconds,
                (SELECT count(*) FROM pin p WHERE p.run_id = r.id) AS pins,
                (SELECT count(*) FROM scenario s WHERE s.id = r.scenario_id) AS scenarios
            FROM run r WHERE {where} ORDER BY r.id DESC
            """,
            r =>
            {
                var id = r.Long("id");
                if (r.Long("scenarios") != 1)
                    throw Damaged("scenario_id", r.Long("scenario_id").ToString(CultureInfo.InvariantCulture));
                return new RunInfo(
                    id,
                    r.Long("scenario_id"),
                    r.LongOrNull("parent_id"),
                    r.Text("name"),
                    r.Text("note"),
                    r.Text("who"),
                    r.Text("created_at"),
                    ReadSettings(r.Text("settings")),
                    r.TextOrNull("policy_overrides"),
                    Known(r.Text("status"), Statuses, "status"),
                    r.Text("input_hash"),
                    r.Real("seconds"),
                    [
                        .. shortfalls[id]
                            .GroupBy(x => x.Resource.Unit())
                            .OrderBy(g => g.Key, StringComparer.Ordinal)
                            .Select(g => new UnitTotal(g.Key, g.Sum(x => x.Sum))),
                    ],
                    adopted.Contains(id),
                    r.Int("pins")
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
                            Status: Known(r.Text("status"), Statuses, "status"),
                            Solver: new SolverInfo(
                                Known(r.Text("solver"), Solvers, "solver"),
                                r.Text("solver_version"),
                                r.Text("solver_parameters"),
                                r.Int("solver_workers"),
                                r.Int("seed")
                            ),
                            Seconds: r.Real("seconds"),
                            Hash: r.Text("input_hash"),
                            HasSchedule: !r.IsNull("slot_count")
                        ),
                    ("$r", runId)
                )
                .SingleOrDefault();
            if (head.Status is null)
                throw InputException.Single(Say.Format(Texts.NoRun, Path, runId));
            var lines = Query(
                c,
                "SELECT code, resource, entitled, allocated, rules, funding, reason, reason_json FROM run_line WHERE run_id = $r ORDER BY position",
                r => new PlanLine(
                    r.Text("code"),
                    ParseResource(r.Text("resource")),
                    r.Int("entitled"),
                    r.Int("allocated"),
                    r.Text("rules"),
                    Known(r.Text("funding"), ["pool", "agreement"], "funding") == "pool" ? Funding.Pool : Funding.Agreement,
                    ReadReason(r.Text("reason"), r.TextOrNull("reason_json"))
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
                    r.Text("eoep"),
                    r.Text("person"),
                    Known(r.Text("role"), ["psychopedagogue", "ptsc"], "role"),
                    Within(r.Int("weekday"), 0, Vocabulary.Weekdays.Length - 1, "weekday"),
                    r.TextOrNull("centre")
                ),
                ("$r", runId)
            );
            var levels = Query(
                c,
                "SELECT name, objective, bound, gap, seconds FROM run_level WHERE run_id = $r ORDER BY position",
                r => new LevelResult(
                    r.Text("name"),
                    r.Long("objective"),
                    r.LongOrNull("bound"),
                    r.RealOrNull("gap"),
                    r.Real("seconds")
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
}
