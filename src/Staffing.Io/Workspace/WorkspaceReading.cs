using System.Text;

namespace Staffing.Io;

/// <summary>A stored run's scenario read back as it was solved: its files, its policy overrides, its locks.</summary>
public static class WorkspaceReading
{
    /// <summary>
    /// The scenario's files read with the run's reading settings and overrides; with <paramref name="locks"/>, those
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
        var dir = Directory.CreateTempSubdirectory("staffing-scenario-");
        try
        {
            workspace.WriteFiles(scenarioId, dir.FullName);
            string? policy = null;
            if (overrides is not null)
            {
                var extra = Directory.CreateDirectory(Path.Combine(dir.FullName, "overrides"));
                policy = Path.Combine(extra.FullName, "policy.json");
                File.WriteAllText(policy, overrides);
            }
            var s = ScenarioReader.Read(dir.FullName, Options(settings), policy);
            return locks is null || locks.SequenceEqual(s.Locks ?? []) ? s : s with { Locks = locks };
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The scenario of a stored run, with the locks it was solved with.</summary>
    public static Scenario ScenarioOf(this Workspace workspace, RunInfo run) =>
        workspace.Read(run.ScenarioId, run.Settings, run.PolicyOverrides, workspace.Locks(run.Id));

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
