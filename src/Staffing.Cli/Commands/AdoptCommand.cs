using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Cli.Localization;
using Staffing.Cli.Signals;

namespace Staffing.Cli.Commands;

/// <summary>`staffing adopt`: a stored run becomes its scenario's adopted plan (the one adopted before no longer is).</summary>
internal static class AdoptCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command("adopt", Texts.AdoptDescription);
        var runArgument = WorkspaceOptions.AddRun(cmd);
        var note = new Option<string>("--note")
        {
            Description = Texts.AdoptNoteOption,
            DefaultValueFactory = _ => "",
        };
        cmd.Options.Add(note);
        WorkspaceOptions.AddDb(cmd);
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Terminal>();
            var workspace = WorkspaceOptions.Open(r);
            var run = workspace.Run(r.GetValue(runArgument));
            var before = workspace.Adopted(run.ScenarioId);
            var a = services
                .GetRequiredService<Interruption>()
                .Commit(() => workspace.Adopt(run.Id, WorkspaceOptions.Who, r.GetValue(note)!));
            console.Error.WriteLine(
                Say.Format(Texts.Adopted, a.RunId, a.Who, Explain.Moment(a.AdoptedAt))
                    + (
                        before is null ? ""
                        : before.RunId == a.RunId ? Texts.AdoptedAgain
                        : Say.Format(Texts.AdoptedBefore, before.RunId)
                    )
            );
            return ExitCode.Ok;
        });
        return cmd;
    }
}
