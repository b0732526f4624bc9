using System.Text;

namespace Staffing.Io;

/// <summary>A stored run's scenario read back as it was solved: its files, its policy overrides, its locks.</summary>
public static class WorkspaceReading
{
    /// <summary>
    /// The scenario's stored files read (from memory) with the run's reading settings and overrides; with <paramref name="locks"/>, those
    /// in place of locks.csv's (a run solved with pins, or the next run from one).
    /// </summary>
    public static Scenario Read(
        this Workspace workspace,
        long scenarioId,
        RunSettings settings,
        string? overrides,
        IReadOnlyList<Holding>? locks = null
    )
    {
        var files = ScenarioSource.Stored($"{workspace.Path} (scenario {scenarioId})", workspace.StoredFiles(scenarioId));
        var s = ScenarioReader.Read(files, Options(settings), [], overrides);
        return locks is null || locks.SequenceEqual(s.Locks ?? []) ? s : s with { Locks = locks };
    }

    /// <summary>The scenario of a stored run, with the locks it was solved with.</summary>
    public static Scenario ScenarioOf(this Workspace workspace, RunInfo run) =>
        workspace.Read(run.ScenarioId, run.Settings, run.PolicyOverrides, workspace.Locks(run.Id));

    /// <summary>
    /// A stored run's scenario and plan together, the plan checked against the scenario: a row naming a centre the
    /// scenario does not have is a damaged workspace (exit 2), never a crash further on.
    /// </summary>
    public static (Scenario Scenario, Plan Plan) ScenarioAndPlan(this Workspace workspace, RunInfo run)
    {
        var s = workspace.ScenarioOf(run);
        return (s, workspace.PlanOf(run, s));
    }

    /// <summary>A stored run's plan, checked against a scenario of the run's files (see <see cref="ScenarioAndPlan"/>).</summary>
    public static Plan PlanOf(this Workspace workspace, RunInfo run, Scenario s)
    {
        var plan = workspace.Plan(run.Id);
        var codes = plan
            .Lines.Select(l => ("run_line", l.Code))
            .Concat(plan.Itinerants.SelectMany(t => t.Centres.Select(c => ("run_itinerant", c))))
            .Concat((plan.Schedule ?? []).Where(x => x.Centre is not null).Select(x => ("run_slot", x.Centre!)));
        InputException Damaged(string found) =>
            InputException.Single($"{workspace.Path}: " + Say.Format(Say.DomainFoundExpected, found, Texts.ExpectedSound));
        foreach (var (table, code) in codes)
            if (s.Find(code) is null)
                throw Damaged(Say.Format(Texts.FoundStoredCentre, table, run.Id, InputErrors.Quote(code)));
        // Each centre once a resource, once a stage among the teachers, each person once a weekday.
        var keys = plan
            .Lines.Select(l => $"{l.Code} {l.Resource.Name()}")
            .Concat(plan.Itinerants.SelectMany(t => t.Centres.Select(c => $"{c} {t.Stage.Name()}")))
            .Concat((plan.Schedule ?? []).Select(x => $"{x.Eoep} {x.Person} {Vocabulary.Weekdays[x.Weekday]}"));
        if (keys.GroupBy(k => k, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw Damaged(Say.Format(Texts.FoundStoredTwice, run.Id, InputErrors.Quote(twice.Key)));
        return plan;
    }

    /// <summary>The locks of the next run from this one: its own, each replaced or joined by its pins.</summary>
    public static IReadOnlyList<Holding> NextLocks(this Workspace workspace, long runId)
    {
        var locks = workspace.Locks(runId).ToDictionary(h => (h.Code, h.Resource));
        foreach (var p in workspace.Pins(runId))
            locks[(p.Lock.Code, p.Lock.Resource)] = p.Lock;
        return [.. locks.Values.OrderBy(h => h.Code, StringComparer.Ordinal).ThenBy(h => h.Resource)];
    }

    public static CsvOptions Options(RunSettings s) =>
        new(s.Delimiter is [var d] ? d : null, s.Encoding is { } e ? Encoding.GetEncoding(e) : null, s.Strict);
}
