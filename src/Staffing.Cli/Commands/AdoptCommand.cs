using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace Staffing.Cli.Commands;

/// <summary>`staffing adopt`: a stored run becomes its scenario's adopted plan (the one adopted before no longer is).</summary>
public static class AdoptCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command("adopt", "Adopt a stored run as its scenario's plan (at most one adopted a scenario)");
        cmd.Arguments.Add(WorkspaceOptions.Run);
        var note = new Option<string>("--note")
        {
            Description = "Why, or on whose decision",
            DefaultValueFactory = _ => "",
        };
        cmd.Options.Add(note);
        cmd.Options.Add(WorkspaceOptions.Db);
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Console>();
            var workspace = WorkspaceOptions.Open(r);
            var run = workspace.Run(r.GetValue(WorkspaceOptions.Run));
            var before = workspace.Adopted(run.ScenarioId);
            var a = workspace.Adopt(run.Id, WorkspaceOptions.Who, r.GetValue(note)!);
            console.Error.WriteLine(
                $"run {a.RunId} adopted by {a.Who} at {a.AdoptedAt}"
                    + (
                        before is null ? ""
                        : before.RunId == a.RunId ? " (again)"
                        : $" (before: run {before.RunId})"
                    )
            );
            return ExitCode.Ok;
        });
        return cmd;
    }
}
