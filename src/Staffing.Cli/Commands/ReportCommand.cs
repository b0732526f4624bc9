using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Cli.Reports;
using Staffing.Io;
using Staffing.Cli.Localization;
using Staffing.Cli.Signals;

namespace Staffing.Cli.Commands;

/// <summary>`staffing report`: a plan folder as an HTML page or an XLSX workbook.</summary>
internal static class ReportCommand
{
    public static Command Create(IServiceProvider services)
    {
        var planDir = new Argument<string>("plan") { Description = Texts.ReportPlanArgument };
        var compare = new Option<string?>("--compare") { Description = Texts.ReportCompareOption };
        var scenario = new Option<string?>("--scenario")
        {
            Description = Texts.ReportScenarioOption,
        };
        var output = new Option<string>("--out")
        {
            Description = Texts.ReportOutOption,
            Required = true,
        };
        Validation.Add(
            output,
            r =>
            {
                var file = r.GetValueOrDefault<string>() ?? "";
                if (Path.GetExtension(file).ToLowerInvariant() is not (".html" or ".xlsx"))
                    r.AddError(Say.Format(Texts.ReportOutFound, file));
            }
        );
        var force = new Option<bool>("--force") { Description = Texts.ReportForceOption };
        var cmd = new Command("report", Texts.ReportDescription);
        cmd.Arguments.Add(planDir);
        foreach (var o in new Option[] { compare, scenario, output, force })
            cmd.Options.Add(o);
        ScenarioInput.AddOptions(cmd);
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Terminal>();
            var file = r.GetValue(output)!;
            var target = new AtomicFolder.Target(
                file,
                "report",
                [.. new[] { r.GetValue(planDir), r.GetValue(scenario) }.OfType<string>(), .. OutputOptions.Inputs(r)],
                r.GetValue(force),
                services.GetRequiredService<Interruption>().Token
            );
            AtomicFolder.CheckFile(target);
            var s = r.GetValue(scenario) is { } folder ? ScenarioInput.Read(r, folder, console) : null;
            var report = new Report(r.GetValue(planDir)!, s, r.GetValue(compare));
            if (Path.GetExtension(file).Equals(".html", StringComparison.OrdinalIgnoreCase))
                report.Html(target);
            else
                report.Xlsx(target);
            return ExitCode.Ok;
        });
        return cmd;
    }
}
