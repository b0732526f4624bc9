using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Allocation;
using Staffing.Io;

namespace Staffing.Cli.Commands;

/// <summary>`staffing verify`: a plan folder checked against the scenario, independently of the optimizer.</summary>
public static class VerifyCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command(
            "verify",
            "Check a plan against the scenario and the rules, independently of the optimizer; exit 1 on any violation"
        );
        var scenario = ScenarioInput.AddTo(cmd);
        var plan = new Argument<string>("plan")
        {
            Description = "A plan folder (plan.csv, itinerants.csv, eoep-schedule.csv), from this tool or any other",
        };
        cmd.Arguments.Add(plan);
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Console>();
            var s = ScenarioInput.Read(r, r.GetValue(scenario)!, console);
            var files = PlanReader.Read(r.GetValue(plan)!);
            // Another scenario's plan is said once, before the violations it explains.
            if (PlanReader.InputHash(r.GetValue(plan)!) is { } made && made != ScenarioHash.Of(s))
                console.Error.WriteLine(
                    $"note: {r.GetValue(plan)} was planned from another input ({made[..19]}… in its summary.json; "
                        + $"{r.GetValue(scenario)} is {ScenarioHash.Of(s)[..19]}…): the violations below may all come from that"
                );
            var violations = PlanVerifier.Verify(s, files);
            foreach (var v in violations)
                console.Out.WriteLine(v.ToString());
            console.Error.WriteLine(
                violations.Count == 0 ? "verified: no violations" : $"{violations.Count} violations"
            );
            return violations.Count == 0 ? ExitCode.Ok : ExitCode.Finding;
        });
        return cmd;
    }
}
