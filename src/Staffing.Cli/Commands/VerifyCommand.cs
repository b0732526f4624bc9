using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Allocation;
using Staffing.Io;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Commands;

/// <summary>`staffing verify`: a plan folder checked against the scenario, independently of the optimizer.</summary>
internal static class VerifyCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command(
            "verify", Texts.VerifyDescription);
        var scenario = ScenarioInput.AddTo(cmd);
        var plan = new Argument<string>("plan")
        {
            Description = Texts.PlanArgument,
        };
        cmd.Arguments.Add(plan);
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Terminal>();
            var s = ScenarioInput.Read(r, r.GetValue(scenario)!, console);
            var files = PlanReader.Read(r.GetValue(plan)!, Explain.Knows, Reports.Tables.ReadBack);
            // Another scenario's plan is said once, before the violations it explains.
            if (PlanReader.InputHash(r.GetValue(plan)!) is { } made && made != ScenarioHash.Of(s))
                console.Notes(
                    [Say.Format(Texts.VerifyOtherInput, r.GetValue(plan), made[..19], r.GetValue(scenario), ScenarioHash.Of(s)[..19])]
                );
            var violations = PlanVerifier.Verify(s, files);
            foreach (var v in violations)
                console.Out.WriteLine(v.Line(Explain.Read));
            console.Error.WriteLine(
                violations.Count == 0 ? Texts.VerifyClean : Say.Count(violations.Count, Texts.ViolationsOne, Texts.ViolationsMany)
            );
            return violations.Count == 0 ? ExitCode.Ok : ExitCode.Finding;
        });
        return cmd;
    }
}
