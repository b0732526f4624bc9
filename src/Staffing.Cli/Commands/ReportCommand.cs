using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Cli.Reports;
using Staffing.Io;

namespace Staffing.Cli.Commands;

/// <summary>`staffing report`: a plan folder as an HTML page or an XLSX workbook.</summary>
public static class ReportCommand
{
    public static Command Create(IServiceProvider services)
    {
        var planDir = new Argument<string>("plan") { Description = "A plan folder written by staffing plan" };
        var compare = new Option<string?>("--compare") { Description = "Another plan folder to compare with" };
        var scenario = new Option<string?>("--scenario")
        {
            Description =
                "The plan's scenario: adds each centre's name, the full trace of the rules and the "
                + "concentration chart",
        };
        var output = new Option<string>("--out")
        {
            Description = "FILE.html (self-contained page) or FILE.xlsx (a sheet per table)",
            Required = true,
        };
        Validation.Add(
            output,
            r =>
            {
                var file = r.GetValueOrDefault<string>() ?? "";
                if (Path.GetExtension(file).ToLowerInvariant() is not (".html" or ".xlsx"))
                    r.AddError($"--out: found \"{file}\", expected a file ending in .html or .xlsx");
            }
        );
        var cmd = new Command("report", "A plan as a page people read or a workbook planners live in");
        cmd.Arguments.Add(planDir);
        foreach (var o in new Option[] { compare, scenario, output })
            cmd.Options.Add(o);
        ScenarioInput.AddOptions(cmd);
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Console>();
            var file = r.GetValue(output)!;
            var s = r.GetValue(scenario) is { } folder ? ScenarioInput.Read(r, folder, console) : null;
            var report = new Report(r.GetValue(planDir)!, s, r.GetValue(compare));
            if (Path.GetExtension(file).Equals(".html", StringComparison.OrdinalIgnoreCase))
                report.Html(file);
            else
                report.Xlsx(file);
            return ExitCode.Ok;
        });
        return cmd;
    }
}
