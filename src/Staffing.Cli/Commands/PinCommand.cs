using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Cli.Runs;
using Staffing.Io;

namespace Staffing.Cli.Commands;

/// <summary>
/// `staffing pin`: a decision kept for the next run from a stored one (an allocation, or two centres sharing a
/// teacher); `staffing plan --from RUN` solves with them. Conflicting pins are refused, nothing stored.
/// </summary>
public static class PinCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command(
            "pin",
            "Pin an allocation (RUN CODE RESOURCE AMOUNT) or a pair (RUN --pair CODE CODE) for the next run from RUN; "
                + "--remove PIN takes one back"
        );
        cmd.Arguments.Add(WorkspaceOptions.Run);
        var code = new Argument<string?>("code") { Description = "Centre code", Arity = ArgumentArity.ZeroOrOne };
        var resource = new Argument<string?>("resource")
        {
            Description = "As in pool.csv: " + Vocabulary.ResourceList,
            Arity = ArgumentArity.ZeroOrOne,
        };
        var amount = new Argument<int?>("amount")
        {
            Description = "Posts or days a week (itinerant: 1 paired, 0 not)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        foreach (var a in new Argument[] { code, resource, amount })
            cmd.Arguments.Add(a);
        var pair = new Option<string[]>("--pair")
        {
            Description = "Two centres that must share an itinerant teacher",
            Arity = new ArgumentArity(2, 2),
            AllowMultipleArgumentsPerToken = true,
        };
        var stage = new Option<string?>("--resource")
        {
            Description =
                "With --pair: primary_itinerant or secondary_itinerant (needed only when both stages could pair)",
        };
        var remove = new Option<long?>("--remove")
        {
            Description = "Remove this pin (its id, as shown by staffing show)",
        };
        foreach (var o in new Option[] { pair, stage, remove, WorkspaceOptions.Db })
            cmd.Options.Add(o);
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
                    r.AddError("pin: expected one of CODE RESOURCE AMOUNT, --pair CODE CODE, or --remove PIN");
                else if (positional && (r.GetValue(resource) is null || r.GetValue(amount) is null))
                    r.AddError("pin: found CODE without RESOURCE and AMOUNT, expected all three");
            }
        );
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Console>();
            var workspace = WorkspaceOptions.Open(r);
            var run = workspace.Run(r.GetValue(WorkspaceOptions.Run));
            if (r.GetValue(remove) is { } id)
            {
                workspace.Unpin(run.Id, id);
                console.Error.WriteLine($"pin {id} removed from run {run.Id}");
                return ExitCode.Ok;
            }
            var pin = r.GetValue(pair) is [var a, var b]
                ? new Holding(a, PairResource(workspace, run, a, b, r.GetValue(stage)), 1, b)
                : new Holding(r.GetValue(code)!, ParseResource(r.GetValue(resource)!), r.GetValue(amount)!.Value, null);
            var conflicts = Replanning.Conflicts(workspace, run, pin);
            if (conflicts.Count > 0)
            {
                console.Error.WriteLine("Pins conflict; nothing stored:");
                foreach (var c in conflicts)
                    console.Error.WriteLine("  " + c);
                return ExitCode.Finding;
            }
            var stored = workspace.Pin(run.Id, pin, WorkspaceOptions.Who);
            console.Error.WriteLine(
                $"pin {stored.Id.ToString(CultureInfo.InvariantCulture)} on run {run.Id}: {Workspace.Describe(stored)}; "
                    + $"solve with staffing plan --from {run.Id}"
            );
            return ExitCode.Ok;
        });
        return cmd;
    }

    private static Resource ParseResource(string text) =>
        Vocabulary.TryParseResource(text, out var r)
            ? r
            : throw InputException.Single(
                $"pin: found resource {InputErrors.Quote(text)}, expected one of {Vocabulary.ResourceList}"
            );

    /// <summary>The itinerant stage two centres can share: the one the run makes both eligible for.</summary>
    public static Resource PairResource(Workspace workspace, RunInfo run, string a, string b, string? given)
    {
        if (given is not null)
        {
            var r = ParseResource(given);
            return r.IsItinerant()
                ? r
                : throw InputException.Single(
                    $"pin: --resource: found {given}, expected primary_itinerant or secondary_itinerant"
                );
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
            _ => throw InputException.Single(
                $"pin: --pair {a} {b}: found both stages eligible, expected --resource primary_itinerant or secondary_itinerant"
            ),
        };
    }
}
