using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Allocation;
using Staffing.Cli.Runs;
using Staffing.Io;

namespace Staffing.Cli.Commands;

/// <summary>`staffing plan`: the pools shared out into the plan folder of the contract, and/or a stored run.</summary>
public static class PlanCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command(
            "plan",
            "Allocate the pools into a plan per centre (plan.csv, itinerants.csv, eoep-schedule.csv, indicators.csv, "
                + "summary.json), written to --out and/or stored in the workspace (--save, --from)"
        );
        var scenario = ScenarioInput.AddTo(
            cmd,
            description: "A scenario folder (centres.csv and optional pool.csv, eoep.csv, current.csv, locks.csv, "
                + "policy.json; see docs/scenario-format.md); not with --from",
            optional: true
        );
        var solve = new SolveOptions(cmd, seed: true);
        var output = new OutputOptions(
            services,
            cmd,
            "The plan folder to write (replaced as a whole)",
            required: false
        );
        var save = new Option<bool>("--save") { Description = "Store the run in the workspace (--db)" };
        var name = new Option<string?>("--name") { Description = "The stored run's name" };
        var note = new Option<string?>("--note") { Description = "The stored run's note" };
        var from = new Option<long?>("--from")
        {
            Description =
                "Re-solve a stored run with its pins (its plan as the optimizer's start); stored as a new run",
        };
        foreach (var o in new Option[] { save, name, note, from, WorkspaceOptions.Db })
            cmd.Options.Add(o);
        Validation.Add(
            cmd,
            r =>
            {
                var given = r.GetValue(scenario) is not null;
                if (r.GetValue(from) is not null && given)
                    r.AddError(
                        "plan: found a scenario folder and --from, expected one of the two (a run has its scenario)"
                    );
                else if (r.GetValue(from) is null && !given)
                    r.AddError("plan: found no scenario folder, expected one (or --from RUN)");
                else if (r.GetValue(output.Option) is null && !r.GetValue(save) && r.GetValue(from) is null)
                    r.AddError("plan: found neither --out nor --save, expected where the plan goes");
            }
        );
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Console>();
            var folder = r.GetValue(scenario);
            output.Check(r, folder);
            // The scenario is read before a new workspace is made: bad input leaves no file behind.
            var read = folder is null ? null : ScenarioInput.Read(r, folder, console);
            var store = r.GetValue(save) || r.GetValue(from) is not null;
            var workspace = store ? WorkspaceOptions.Open(r, create: r.GetValue(from) is null) : null;
            var settings = SolveOptions.Settings(r, console);
            var solver = solve.Solver(r);
            Scenario s;
            Plan plan;
            long? id = null;
            if (r.GetValue(from) is { } parent)
                (s, plan, id) = services
                    .GetRequiredService<Replanning>()
                    .Replan(
                        workspace!,
                        workspace!.Run(parent),
                        solver,
                        settings,
                        WorkspaceOptions.Who,
                        r.GetValue(name),
                        r.GetValue(note) ?? ""
                    );
            else
            {
                s = read!;
                plan = services.GetRequiredService<Planner>().Plan(s, solver, settings).Plan;
                if (workspace is not null)
                {
                    var (delimiter, encoding, strict) = ScenarioInput.Given(r);
                    id = workspace.Save(
                        new NewRun(
                            workspace.Import(folder!, WorkspaceOptions.Who).Id,
                            null,
                            r.GetValue(name)
                                ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder!))),
                            r.GetValue(note) ?? "",
                            WorkspaceOptions.Who,
                            new RunSettings(
                                solver,
                                settings.TimeLimitSeconds,
                                settings.Workers,
                                settings.Seed,
                                delimiter,
                                encoding,
                                strict
                            ),
                            ScenarioInput.Policy(r) is { } p ? File.ReadAllText(p) : null,
                            plan,
                            s.Locks ?? []
                        )
                    );
                }
            }
            if (output.Given(r))
                output.Write(r, [folder], tmp => PlanWriter.Write(tmp, s, plan));
            console.Error.WriteLine(
                $"{plan.Status}: {Units.Count(plan.Lines.Length, "plan row")}, shortfall {Units.Shortfall(plan.Lines.Select(l => (l.Resource, l.Funding, l.Shortfall)))}"
                    + $", {Units.Count(plan.Itinerants.Length, "itinerant teacher")}, {plan.Seconds:0.###} s"
                    + (id is null ? "" : $"; stored as run {id} in {workspace!.Path}")
            );
            return ExitCode.Ok;
        });
        return cmd;
    }
}
