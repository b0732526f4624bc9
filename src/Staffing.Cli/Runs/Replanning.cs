using Staffing.Allocation;
using Staffing.Io;
using Staffing.Cli.Localization;
using Staffing.Cli.Signals;

namespace Staffing.Cli.Runs;

/// <summary>
/// Runs of the workspace solved and pinned the same way from the command line and the page: the next run from
/// a stored one is its scenario with its locks and pins, hinted with its plan, and stored with it as parent.
/// </summary>
internal sealed class Replanning(Planner planner, Interruption? interruption = null)
{
    /// <summary>The next run from <paramref name="from"/>, solved (not stored): conflicting pins throw <see cref="LockConflictException"/>.</summary>
    public (Scenario Scenario, Plan Plan) Solve(
        Workspace workspace,
        RunInfo from,
        string solver,
        SolveSettings settings
    )
    {
        var scenario = workspace.Read(
            from.ScenarioId,
            from.Settings,
            from.PolicyOverrides,
            workspace.NextLocks(from.Id)
        );
        // The parent is the search's start and, through the stability level, what the new run stays close to.
        var parent = Decisions.Of(workspace.PlanOf(from, scenario));
        return (scenario, planner.Plan(scenario, solver, settings with { Hint = parent, Parent = parent }).Plan);
    }

    /// <summary>Solves and stores the next run: its scenario, plan and id.</summary>
    public (Scenario Scenario, Plan Plan, long Id) Replan(
        Workspace workspace,
        RunInfo from,
        string solver,
        SolveSettings settings,
        string who,
        string? name,
        string note
    )
    {
        var (scenario, plan) = Solve(workspace, from, solver, settings);
        var run = new NewRun(
                from.ScenarioId,
                from.Id,
                name ?? Say.Format(Texts.FromRunName, from.Id),
                note,
                who,
                from.Settings with
                {
                    Solver = solver,
                    TimeLimit = settings.TimeLimitSeconds,
                    Workers = settings.Workers,
                    Seed = settings.Seed,
                },
                from.PolicyOverrides,
                plan,
                scenario.Locks ?? []
            );
        var id = interruption is null ? workspace.Save(run) : interruption.Commit(() => workspace.Save(run));
        return (scenario, plan, id);
    }

    /// <summary>
    /// A pin checked against the run's scenario before it is stored: a known centre and resource and a partner in
    /// the same area (else <see cref="InputException"/>), then the conflicts with the run's other locks and pins,
    /// in the words of the locks' conflict explanation (empty: it can be stored).
    /// </summary>
    public static IReadOnlyList<string> Conflicts(Workspace workspace, RunInfo run, Holding pin, Planner planner)
    {
        var locks = workspace.NextLocks(run.Id).Where(h => (h.Code, h.Resource) != (pin.Code, pin.Resource));
        var scenario = workspace.Read(run.ScenarioId, run.Settings, run.PolicyOverrides, [.. locks, pin]);
        if (Problem(scenario, pin) is { } problem)
            throw InputException.Single($"pin: {problem}");
        // The lock check (the planner's own, first), then a quick feasibility solve, not a re-plan: the pins hold
        // together within the pools when the greedy plan, else a short CP-SAT search, keeps them all.
        try
        {
            foreach (var solver in new[] { "greedy", "cp-sat" })
            {
                var (allocation, result) = planner.Allocate(
                    scenario,
                    solver,
                    new SolveSettings(FeasibilitySeconds, Workers: 1)
                );
                if (result.Decisions.Honours(allocation))
                    return [];
            }
        }
        catch (LockConflictException ex)
        {
            return [.. ex.Conflicts.Select(Explain.Read)];
        }
        return [Say.Format(Texts.PinsCannotHold, FeasibilitySeconds)];
    }

    /// <summary>How long a pin's feasibility search may take before the pins are said not to hold.</summary>
    public const double FeasibilitySeconds = 10;

    private static string? Problem(Scenario scenario, Holding pin)
    {
        if (scenario.Find(pin.Code) is not { } centre)
            return Say.Format(Texts.PinNoCentre, InputErrors.Quote(pin.Code));
        if (pin.Amount < 0 || (pin.Resource.IsItinerant() && pin.Amount > 1))
            return Say.Format(pin.Resource.IsItinerant() ? Texts.PinAmountItinerant : Texts.PinAmountCount, pin.Amount);
        if (pin.Partner is not { } partner)
            return null;
        if (!pin.Resource.IsItinerant())
            return Say.Format(Texts.PinPartnerNotItinerant, pin.Resource.Name());
        if (scenario.Find(partner) is not { } other)
            return Say.Format(Texts.PinNoCentre, InputErrors.Quote(partner));
        if (partner == pin.Code)
            return Say.Format(Texts.PinWithItself, pin.Code);
        return other.Area != centre.Area
            ? Say.Format(Texts.PinAcrossAreas, partner, other.Area, pin.Code, centre.Area)
            : null;
    }
}
