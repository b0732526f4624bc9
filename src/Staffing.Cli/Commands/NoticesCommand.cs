using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Cli.Notices;
using Staffing.Io;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Commands;

/// <summary>`staffing notices`: the plan reaches each centre as a printable page of its own.</summary>
internal static class NoticesCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command("notices", Texts.NoticesDescription);
        var source = new Argument<string>("source") { Description = Texts.NoticesSourceArgument };
        cmd.Arguments.Add(source);
        var scenario = new Option<string?>("--scenario") { Description = Texts.NoticesScenarioOption };
        var year = new Option<string?>("--school-year") { Description = Texts.NoticesSchoolYearOption };
        Validation.Add(
            year,
            r =>
            {
                if (
                    r.GetValueOrDefault<string?>() is { } y
                    && !(y.Length == 9 && int.TryParse(y[..4], out var a) && y[4] == '-' && int.TryParse(y[5..], out var b) && b == a + 1)
                )
                    r.AddError(Say.Format(Texts.NoticesSchoolYearFound, y));
            }
        );
        cmd.Options.Add(scenario);
        cmd.Options.Add(year);
        ScenarioInput.AddOptions(cmd);
        WorkspaceOptions.AddDb(cmd);
        var output = new OutputOptions(services, cmd, Texts.NoticesOut);
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Terminal>();
            var given = r.GetValue(source)!;
            var folder = Directory.Exists(given);
            output.Check(r, folder ? given : null, r.GetValue(scenario));
            NoticeSource from;
            if (folder)
            {
                if (r.GetValue(scenario) is not { } dir)
                    throw InputException.Single(Say.Format(Texts.NoticesNeedScenario, given));
                from = NoticeSource.Of(ScenarioInput.Read(r, dir, console), PlanReader.Read(given, Explain.Knows, Reports.Tables.ReadBack));
            }
            else
            {
                var workspace = WorkspaceOptions.Open(r);
                var run = workspace.Run(long.TryParse(given, out var id) ? id : throw InputException.Single(Say.Format(Texts.NoticesNeedScenario, given)));
                var (s, plan) = workspace.ScenarioAndPlan(run);
                from = NoticeSource.Of(s, plan);
            }
            var schoolYear = r.GetValue(year) ?? NoticeSource.NextSchoolYear(DateTimeOffset.Now);
            var notices = from.Notices();
            output.Write(r, [folder ? given : null, r.GetValue(scenario)], tmp => NoticeFiles.Write(tmp.Path, notices, schoolYear));
            console.Error.WriteLine(Say.Format(Texts.NoticesWritten, notices.Count, r.GetValue(output.Option)));
            return ExitCode.Ok;
        });
        return cmd;
    }
}
