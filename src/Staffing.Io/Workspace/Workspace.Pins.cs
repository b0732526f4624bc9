namespace Staffing.Io;

/// <summary>Pins, names and notes, adoption: what is kept beside a run, never in it.</summary>
public sealed partial class Workspace
{
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
            var problems = Query(c, "PRAGMA integrity_check", r => r.Text("integrity_check")).Where(s => s != "ok").ToList();
            problems.AddRange(
                Query(
                    c,
                    """
                    SELECT r.id FROM run r WHERE r.line_count != (SELECT count(*) FROM run_line l WHERE l.run_id = r.id)
                        OR r.itinerant_count != (SELECT count(*) FROM run_itinerant t WHERE t.run_id = r.id)
                        OR coalesce(r.slot_count, 0) != (SELECT count(*) FROM run_slot s WHERE s.run_id = r.id)
                    """,
                    r => $"run {r.Long("id")} is incomplete"
                )
            );
            return problems;
        });
}
