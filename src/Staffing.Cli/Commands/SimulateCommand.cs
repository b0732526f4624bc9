using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Allocation;
using Staffing.Cli.Reports;
using Staffing.Io;
using Staffing.WhatIf;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Commands;

/// <summary>`staffing simulate`: next school year by Monte Carlo.</summary>
internal static class SimulateCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command(
"simulate", Texts.SimulateDescription);
        var scenario = ScenarioInput.AddTo(
            cmd,
            description: Texts.SimulateScenarioArgument
        );
        var runs = new Option<int>("--runs") { Description = Texts.RunsOption, DefaultValueFactory = _ => 1000 };
        Validation.Add(
            runs,
            r =>
            {
                var n = r.GetValueOrDefault<int>();
                if (n is < 1 or > 100_000)
                    r.AddError(Say.Format(Texts.RunsFound, n));
            }
        );
        var seed = new Option<int>("--seed") { Description = Texts.RandomSeedOption, DefaultValueFactory = _ => 1 };
        var trends = new Option<string?>("--trends")
        {
            Description = Texts.TrendsOption,
        };
        foreach (var o in new Option[] { runs, seed, trends })
            cmd.Options.Add(o);
        var solve = new SolveOptions(cmd, "greedy");
        var output = new OutputOptions(
            services,
            cmd,
            Texts.SimulateOut
        );
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Terminal>();
            output.Check(r, r.GetValue(scenario), r.GetValue(trends));
            var planner = services.GetRequiredService<Planner>();
            var solver = solve.Solver(r);
            planner.Allocator(solver);
            var settings = solve.Settings(r, console) with { Progress = null };
            var s = ScenarioInput.Read(r, r.GetValue(scenario)!, console);
            var n = r.GetValue(runs);
            var trendPath = r.GetValue(trends) ?? Path.Combine(r.GetValue(scenario)!, "trends.csv");
            IReadOnlyList<Trend> t =
                File.Exists(trendPath) ? TrendsReader.Read(trendPath, s)
                : r.GetValue(trends) is { } missing
                    ? throw InputException.Single(Say.Format(Texts.TrendsMissing, missing))
                : [];
            if (t.Count == 0)
                console.Notes(
                    [Say.Format(Texts.SimulateNoTrends, Simulation.DefaultSpread.ToString("0%", CultureInfo.InvariantCulture))]
                );
            var (areas, centres, _) = console.WithProgress(
                Texts.ProgressSimulate,
                n,
                p =>
                    Simulation.Run(
                        s,
                        t,
                        n,
                        r.GetValue(seed),
                        x => RunTotals.Allocate(planner, x, solver, settings),
                        settings.Workers,
                        p
                    )
            );
            var pools = (s.Pool ?? [])
                .Where(p => p.Area != PoolRow.AllAreas)
                .ToDictionary(p => (p.Area, p.Resource), p => p.Amount);
            var png = Charts.Fan(areas, pools, s.Policy.ItinerantShare);
            output.Write(
                r,
                [r.GetValue(scenario), r.GetValue(trends)],
                tmp =>
                {
                    tmp.Write("simulate-areas.csv",
                        areas.Select(a => new SimulateAreaCsvRow(
                            a.Area,
                            a.Resource,
                            a.NeedP10,
                            a.NeedP50,
                            a.NeedP90,
                            a.ShortfallP10,
                            a.ShortfallP50,
                            a.ShortfallP90
                        ))
                    );
                    tmp.Write("simulate-centres.csv",
                        centres.Select(c =>
                        {
                            var (name, locality, area) = CentreColumns.Of(s.Find(c.Code));
                            return new SimulateCentreCsvRow(
                                c.Code,
                                c.GainPost,
                                c.LosePost,
                                c.CrossPriority,
                                name,
                                locality,
                                area
                            );
                        })
                    );
                    File.WriteAllBytes(Path.Combine(tmp.Path, "fan.png"), png);
                }
            );
            return ExitCode.Ok;
        });
        return cmd;
    }
}
