using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Allocation;
using Staffing.Io;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Commands;

/// <summary>`staffing audit`: this year's staffing (current.csv) against the rules.</summary>
internal static class AuditCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command(
"audit", Texts.AuditDescription);
        var scenario = ScenarioInput.AddTo(cmd);
        var output = new OutputOptions(
            services,
            cmd,
            Texts.AuditOut,
            required: false
        );
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Terminal>();
            output.Check(r, r.GetValue(scenario));
            var s = ScenarioInput.Read(r, r.GetValue(scenario)!, console);
            if (s.Current is null)
                throw InputException.Single(Texts.AuditNoCurrent);
            var lines = Audit.Lines(s);
            var areas = Audit.Areas(s, lines);
            var rows = lines.Select(l =>
            {
                var (name, locality, area) = CentreColumns.Of(s.Find(l.Code));
                return new AuditCsvRow(
                    l.Code,
                    l.Resource,
                    l.Held,
                    l.Entitled,
                    l.Difference,
                    Explain.Contract(l.Finding),
                    l.Rules,
                    name,
                    locality,
                    area,
                    ExplanationJson.Write(l.Finding)
                );
            });
            if (output.Given(r))
                output.Write(
                    r,
                    [r.GetValue(scenario)],
                    tmp =>
                    {
                        tmp.Write("audit.csv", rows);
                        tmp.Write("audit-areas.csv",
                            areas.Select(a => new AuditAreaCsvRow(
                                a.Area,
                                a.Resource,
                                a.Held,
                                a.Entitled,
                                a.Difference,
                                a.Over,
                                a.Under,
                                a.NotGiven,
                                a.NotGivenEntitled
                            ))
                        );
                    }
                );
            else
                console.Out.Write(EntitlementWriter.Render(w => CsvFile.Write(w, rows)));
            var broken = lines.Count(l => l.Finding.Uses(Audit.PairBreaks));
            console.Error.WriteLine(
                Say.Format(
                    Texts.AuditSummary,
                    lines.Count(l => l.Difference > 0),
                    lines.Count(l => l.Difference < 0),
                    broken,
                    lines.Count(l => l.Held is null)
                )
            );
            return ExitCode.Ok;
        });
        return cmd;
    }
}
