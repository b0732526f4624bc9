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
                "SELECT code, resource, entitled, allocated, rules, funding, reason, reason_json FROM run_line WHERE run_id = $r ORDER BY position",
                r => new PlanLine(
                    r.GetString(0),
                    ParseResource(r.GetString(1)),
                    r.GetInt32(2),
                    r.GetInt32(3),
                    r.GetString(4),
                    Known(r.GetString(5), ["pool", "agreement"], "funding") == "pool" ? Funding.Pool : Funding.Agreement,
                    ReadReason(r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7))
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
}
