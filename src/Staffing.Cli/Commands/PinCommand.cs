using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Cli.Runs;
using Staffing.Io;
using Staffing.Cli.Localization;
using Staffing.Cli.Signals;

namespace Staffing.Cli.Commands;

/// <summary>
/// `staffing pin`: a decision kept for the next run from a stored one (an allocation, or two centres sharing a
/// teacher); `staffing plan --from RUN` solves with them. Conflicting pins are refused, nothing stored.
/// </summary>
internal static class PinCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command(
"pin", Texts.PinDescription);
        var runArgument = WorkspaceOptions.AddRun(cmd);
        var code = new Argument<string?>("code") { Description = Texts.CodeArgument, Arity = ArgumentArity.ZeroOrOne };
        var resource = new Argument<string?>("resource")
        {
            Description = Say.Format(Texts.ResourceArgument, Vocabulary.ResourceList),
            Arity = ArgumentArity.ZeroOrOne,
        };
        var amount = new Argument<int?>("amount")
        {
            Description = Texts.AmountArgument,
            Arity = ArgumentArity.ZeroOrOne,
        };
        foreach (var a in new Argument[] { code, resource, amount })
            cmd.Arguments.Add(a);
        var pair = new Option<string[]>("--pair")
        {
            Description = Texts.PairOption,
            Arity = new ArgumentArity(2, 2),
            AllowMultipleArgumentsPerToken = true,
        };
        var stage = new Option<string?>("--resource")
        {
            Description = Texts.PinResourceOption,
        };
        var remove = new Option<long?>("--remove")
        {
            Description = Texts.RemoveOption,
        };
        foreach (var o in new Option[] { pair, stage, remove })
            cmd.Options.Add(o);
        WorkspaceOptions.AddDb(cmd);
        Validation.Add(
            cmd,
            r =>
            {
                var positional = r.GetValue(code) is not null;
                var modes = new[]
                {
                    positional,
                    r.GetValue(pair) is { Length: > 0 },
                    r.GetValue(remove) is not null,
                }.Count(b => b);
                if (modes != 1)
                    r.AddError(Texts.PinModes);
                else if (positional && (r.GetValue(resource) is null || r.GetValue(amount) is null))
                    r.AddError(Texts.PinIncomplete);
            }
        );
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Terminal>();
            var workspace = WorkspaceOptions.Open(r);
            var run = workspace.Run(r.GetValue(runArgument));
            if (r.GetValue(remove) is { } id)
            {
                workspace.Unpin(run.Id, id);
                console.Error.WriteLine(Say.Format(Texts.PinRemoved, id, run.Id));
                return ExitCode.Ok;
            }
            var pin = r.GetValue(pair) is [var a, var b]
                ? new Holding(a, PairResource(workspace, run, a, b, r.GetValue(stage)), 1, b)
                : new Holding(r.GetValue(code)!, ParseResource(r.GetValue(resource)!), r.GetValue(amount)!.Value, null);
            var conflicts = Replanning.Conflicts(workspace, run, pin, services.GetRequiredService<Staffing.Allocation.Planner>());
            if (conflicts.Count > 0)
            {
                console.Error.WriteLine(Texts.PinsConflict);
                foreach (var c in conflicts)
                    console.Error.WriteLine("  " + c);
                return ExitCode.Finding;
            }
            var stored = services
                .GetRequiredService<Interruption>()
                .Commit(() => workspace.Pin(run.Id, pin, WorkspaceOptions.Who));
            console.Error.WriteLine(
                Say.Format(Texts.PinStored, stored.Id, run.Id, Workspace.Describe(stored))
            );
            return ExitCode.Ok;
        });
        return cmd;
    }

    private static Resource ParseResource(string text) =>
        Words.TryParseResource(text, out var r)
            ? r
            : throw InputException.Single(Say.Format(Texts.PinResourceFound, InputErrors.Quote(text), Vocabulary.ResourceList));

    /// <summary>The itinerant stage two centres can share: the one the run makes both eligible for.</summary>
    public static Resource PairResource(Workspace workspace, RunInfo run, string a, string b, string? given)
    {
        if (given is not null)
        {
            var r = ParseResource(given);
            return r.IsItinerant()
                ? r
                : throw InputException.Single(Say.Format(Texts.PinStageFound, given));
        }
        var lines = workspace.Plan(run.Id).Lines;
        var both = new[] { Resource.PrimaryItinerant, Resource.SecondaryItinerant }
            .Where(res =>
                lines.Any(l => l.Code == a && l.Resource == res) && lines.Any(l => l.Code == b && l.Resource == res)
            )
            .ToList();
        return both.Count switch
        {
            1 => both[0],
            0 => Resource.PrimaryItinerant,
            _ => throw InputException.Single(Say.Format(Texts.PinBothStages, a, b)),
        };
    }
}
