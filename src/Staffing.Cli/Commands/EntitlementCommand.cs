using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Io;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Commands;

/// <summary>`staffing entitlement`: what the rules give each centre, and why (the inspector's view).</summary>
internal static class EntitlementCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command("entitlement", Texts.EntitlementDescription);
        var scenario = ScenarioInput.AddTo(cmd);
        var near = new Option<bool>("--near-thresholds")
        {
            Description = Texts.NearThresholdsOption,
        };
        var centre = new Option<string?>("--centre")
        {
            Description = Texts.CentreOption,
        };
        var format = new Option<string>("--format")
        {
            Description = Texts.FormatOption,
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "csv", "json");
        foreach (var o in new Option[] { near, centre, format })
            cmd.Options.Add(o);
        var output = new OutputOptions(
            services,
            cmd,
            Texts.EntitlementOut,
            required: false
        );
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Terminal>();
            output.Check(r, r.GetValue(scenario));
            var s = ScenarioInput.Read(r, r.GetValue(scenario)!, console);
            IEnumerable<Centre> centres = s.Centres.OrderBy(c => c.Code, StringComparer.Ordinal);
            if (r.GetValue(centre) is { } code)
                centres =
                [
                    s.Find(code)
                        ?? throw InputException.Single(Say.Format(Texts.CentreFound, code)),
                ];
            var f = r.GetValue(near) ? "near" : r.GetValue(format)!;
            var text = f switch
            {
                "csv" => EntitlementWriter.Render(w => EntitlementWriter.Csv(w, s.Policy, centres)),
                "json" => EntitlementWriter.Json(s.Policy, centres, Explain.Wording),
                "near" => EntitlementWriter.Render(w => EntitlementWriter.NearThresholds(w, s.Policy, centres)),
                _ => EntitlementWriter.Render(w => EntitlementWriter.Text(w, s.Policy, centres, Explain.Wording)),
            };
            if (output.Given(r))
            {
                var file = f == "near" ? "near-thresholds.csv" : "entitlement." + (f == "text" ? "txt" : f);
                output.Write(r, [r.GetValue(scenario)], tmp => File.WriteAllText(Path.Combine(tmp.Path, file), text));
            }
            else
            {
                // The dialect and the workbook are for files: standard output keeps the contract, and says so.
                if (output.ForPeople(r))
                    console.Notes([Texts.NoteDialectNeedsOut]);
                console.Out.Write(text);
            }
            return ExitCode.Ok;
        });
        return cmd;
    }
}
