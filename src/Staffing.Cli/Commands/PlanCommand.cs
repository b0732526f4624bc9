using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Allocation;
using Staffing.Io;

namespace Staffing.Cli.Commands;

/// <summary>`staffing plan`: the pools shared out into the plan folder of the contract.</summary>
public static class PlanCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command(
            "plan",
            "Allocate the pools into a plan per centre (plan.csv, itinerants.csv, eoep-schedule.csv, indicators.csv, "
                + "summary.json)"
        );
        var scenario = ScenarioInput.AddTo(cmd);
        var solve = new SolveOptions(cmd, seed: true);
        var output = new OutputOptions(services, cmd, "The plan folder to write (replaced as a whole)");
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Console>();
            output.Check(r, r.GetValue(scenario));
            var s = ScenarioInput.Read(r, r.GetValue(scenario)!, console);
            var (_, plan) = services
                .GetRequiredService<Planner>()
                .Plan(s, solve.Solver(r), SolveOptions.Settings(r, console));
            output.Write(r, [r.GetValue(scenario)], tmp => PlanWriter.Write(tmp, s, plan));
            // Posts, days a week and itinerant shares are never added into one number.
            var shortfall = plan
                .Lines.Where(l => l.Funding == Funding.Pool && l.Shortfall > 0)
                .GroupBy(l => l.Resource.Unit())
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                    $"{g.Sum(l => l.Shortfall)} {g.Key switch
                    {
                        "shares" => "itinerant shares",
                        "days a week" => "EOEP days a week",
                        var unit => unit,
                    }}"
                )
                .ToList();
            console.Error.WriteLine(
                $"{plan.Status}: {plan.Lines.Length} plan rows, shortfall "
                    + (shortfall.Count == 0 ? "none" : string.Join(", ", shortfall))
                    + $", {plan.Itinerants.Length} itinerant teachers, {plan.Seconds:0.###} s"
            );
            return ExitCode.Ok;
        });
        return cmd;
    }
}
