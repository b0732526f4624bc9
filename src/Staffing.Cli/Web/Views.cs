using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Staffing.Cli.Web;

/// <summary>
/// The plan a request names: ?run=ID (serve --db; a run once read is kept, runs never change), else the plan served.
/// "The run, or 404" is said here once.
/// </summary>
internal sealed class Views(ServeApp.State state)
{
    private readonly RunsApi.View served = new(null, state.Scenario, state.Plan, state.Plan.Lines.ToLookup(l => l.Code));

    /// <summary>The runs read so far, by id.</summary>
    public ConcurrentDictionary<long, RunsApi.View> Kept { get; } = new();

    public RunsApi.View? Of(long? run) =>
        run is not { } id ? served
        : Kept.TryGetValue(id, out var kept) ? kept
        : state.Workspace?.FindRun(id) is { ScenarioId: var sid } info && sid == state.ScenarioId
            ? RunsApi.ViewOf(state.Workspace, Kept, info)
        : null;

    /// <summary>The answer built from the view the request names, or 404 naming the run.</summary>
    public IResult With(long? run, Func<RunsApi.View, IResult> answer) =>
        Of(run) is { } view ? answer(view) : RunsApi.NoRun(run!.Value);
}
