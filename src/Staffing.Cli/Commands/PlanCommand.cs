using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Allocation;
using Staffing.Cli.Runs;
using Staffing.Io;
using Staffing.Cli.Localization;
using Staffing.Cli.Signals;

namespace Staffing.Cli.Commands;

/// <summary>`staffing plan`: the pools shared out into the plan folder of the contract, and/or a stored run.</summary>
internal static class PlanCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command(
"plan", Texts.PlanDescription);
        var scenario = ScenarioInput.AddTo(
            cmd,
            description: Texts.PlanScenarioArgument,
            optional: true
        );
        var solve = new SolveOptions(cmd, withSeed: true);
        var output = new OutputOptions(
            services,
            cmd,
            Texts.PlanOut,
            required: false
        );
        var save = new Option<bool>("--save") { Description = Texts.SaveOption };
        var name = new Option<string?>("--name") { Description = Texts.RunNameOption };
        var note = new Option<string?>("--note") { Description = Texts.RunNoteOption };
        var from = new Option<long?>("--from")
        {
            Description = Texts.FromOption,
        };
        foreach (var o in new Option[] { save, name, note, from })
            cmd.Options.Add(o);
        WorkspaceOptions.AddDb(cmd);
        Validation.Add(
            cmd,
            r =>
            {
                var given = r.GetValue(scenario) is not null;
                if (r.GetValue(from) is not null && given)
                    r.AddError(Texts.PlanScenarioAndFrom);
                else if (r.GetValue(from) is null && !given)
                    r.AddError(Texts.PlanNoScenario);
                else if (r.GetValue(output.Option) is null && !r.GetValue(save) && r.GetValue(from) is null)
                    r.AddError(Texts.PlanNoOut);
            }
        );
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Terminal>();
            var folder = r.GetValue(scenario);
            output.Check(r, folder);
            // The scenario is read before a new workspace is made: bad input leaves no file behind.
            var read = folder is null ? null : ScenarioInput.Read(r, folder, console);
            var store = r.GetValue(save) || r.GetValue(from) is not null;
            var workspace = store ? WorkspaceOptions.Open(r, create: r.GetValue(from) is null) : null;
            var settings = solve.Settings(r, console);
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
                    var scenarioId = workspace.Import(folder!, WorkspaceOptions.Who).Id;
                    var run = new NewRun(
                            scenarioId,
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
                        );
                    id = services.GetRequiredService<Interruption>().Commit(() => workspace.Save(run));
                }
            }
            if (output.Given(r))
                output.Write(r, [folder], tmp => PlanWriter.Write(tmp, s, plan, Explain.Wording));
            console.Error.WriteLine(
                Say.Format(
                    Texts.PlanSummary,
                    Words.Status(plan.Status),
                    Say.Count(plan.Lines.Length, Texts.PlanRowsOne, Texts.PlanRowsMany),
                    Units.Shortfall(plan.Lines.Select(l => (l.Resource, l.Funding, l.Shortfall))),
                    Say.Count(plan.Itinerants.Length, Texts.ItinerantTeachersOne, Texts.ItinerantTeachersMany),
                    Figures.Number(plan.Seconds, Figures.Current)
                )
                    + (id is null ? "" : Say.Format(Texts.PlanStored, id, workspace!.Path))
            );
            return ExitCode.Ok;
        });
        return cmd;
    }
}
