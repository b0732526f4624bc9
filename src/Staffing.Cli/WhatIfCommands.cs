using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Staffing.Allocation;
using Staffing.Cli.Reports;
using Staffing.Domain;
using Staffing.Equity;
using Staffing.Io;
using Staffing.WhatIf;

namespace Staffing.Cli;

/// <summary>The analyst's commands: compare, sweep, simulate, report.</summary>
public static class WhatIfCommands
{
    public static void Add(RootCommand root, IServiceProvider services)
    {
        root.Subcommands.Add(CompareCommand(services));
        root.Subcommands.Add(SweepCommand(services));
        root.Subcommands.Add(SimulateCommand(services));
        root.Subcommands.Add(ReportCommand(services));
    }

    private static Option<string> Out(string what) => new("--out") { Description = what, Required = true };

    private static void Solving(Command cmd, string defaultSolver)
    {
        var solver = new Option<string>("--solver") { Description = "cp-sat or greedy", DefaultValueFactory = _ => defaultSolver };
        cmd.Options.Add(solver);
        foreach (var o in new Option[] { Commands.TimeLimitOpt, Commands.WorkersOpt }) cmd.Options.Add(o);
    }

    private static (Planner Planner, string Solver, SolveSettings Settings) Solver(ParseResult r, IServiceProvider services, Console console)
    {
        var solver = r.GetValue<string>("--solver")!;
        var planner = services.GetRequiredService<Planner>();
        planner.Allocator(solver);
        return (planner, solver, Commands.Settings(r, console) with { Progress = null });
    }

    private static Func<Scenario, Plan> Planning(ParseResult r, IServiceProvider services, Console console)
    {
        var (planner, solver, settings) = Solver(r, services, console);
        return s => planner.Plan(s, solver, settings).Plan;
    }

    private static Command CompareCommand(IServiceProvider services)
    {
        var b = new Argument<string>("base") { Description = "The base scenario folder" };
        var v = new Argument<string>("variant") { Description = "The variant: a scenario folder, or a policy.json of overrides applied to the base" };
        var output = Out("Write compare-areas.csv, compare-centres.csv and compare-equity.csv into this folder");
        var cmd = new Command("compare", "What moves between two scenarios or policies: per area and resource (entitled, allocated, shortfall, cost) and per centre, with the rule behind each change");
        cmd.Arguments.Add(b);
        cmd.Arguments.Add(v);
        cmd.Options.Add(output);
        Solving(cmd, "cp-sat");
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Console>();
            var plan = Planning(r, services, console);
            var baseScenario = ScenarioReader.Read(r.GetValue(b)!);
            var variantPath = r.GetValue(v)!;
            var variant = File.Exists(variantPath) ? ScenarioReader.Read(r.GetValue(b)!, extraPolicyFile: variantPath) : ScenarioReader.Read(variantPath);
            var (bp, vp) = (plan(baseScenario), plan(variant));
            var (areas, centres) = Comparison.Compare(baseScenario, bp, variant, vp);
            var be = EquityReport.Compute(new AllocationProblem(baseScenario), bp, false, 0).ToDictionary(e => (e.Level, e.Area, e.Stage));
            var ve = EquityReport.Compute(new AllocationProblem(variant), vp, false, 0);
            AtomicFolder.Write(r.GetValue(output)!, tmp =>
            {
                using (var csv = CsvOut.Create(Path.Combine(tmp, "compare-areas.csv")))
                {
                    csv.Row("area", "resource", "base_entitled", "variant_entitled", "base_allocated", "variant_allocated", "base_cost", "variant_cost", "delta_cost", "base_shortfall", "variant_shortfall");
                    foreach (var a in areas)
                        csv.Row(a.Area, a.Resource.Name(), a.Base?.Entitled ?? 0, a.Variant?.Entitled ?? 0, a.Base?.Allocated ?? 0, a.Variant?.Allocated ?? 0,
                            a.Base?.Cost ?? 0, a.Variant?.Cost ?? 0, a.DeltaCost, a.Base?.Shortfall ?? 0, a.Variant?.Shortfall ?? 0);
                }
                using (var csv = CsvOut.Create(Path.Combine(tmp, "compare-centres.csv")))
                {
                    csv.Row("code", "resource", "base_entitled", "variant_entitled", "base_allocated", "variant_allocated", "reason");
                    foreach (var c in centres) csv.Row(c.Code, c.Resource.Name(), c.BaseEntitled, c.VariantEntitled, c.BaseAllocated, c.VariantAllocated, c.Reason);
                }
                using (var csv = CsvOut.Create(Path.Combine(tmp, "compare-equity.csv")))
                {
                    csv.Row("level", "area", "stage", "base_posts_per_100", "variant_posts_per_100", "base_eoep_days_per_100", "variant_eoep_days_per_100", "base_coverage_gini", "variant_coverage_gini", "base_above_priority_line", "variant_above_priority_line");
                    foreach (var e in ve)
                    {
                        var x = be.GetValueOrDefault((e.Level, e.Area, e.Stage));
                        if (x is null || x.PostsPer100 != e.PostsPer100 || x.EoepDaysPer100 != e.EoepDaysPer100 || x.CoverageGini != e.CoverageGini || x.AbovePriority != e.AbovePriority)
                            csv.Row(e.Level, e.Area, e.Stage.Name(), EquityReport.F(x?.PostsPer100), EquityReport.F(e.PostsPer100), EquityReport.F(x?.EoepDaysPer100), EquityReport.F(e.EoepDaysPer100),
                                EquityReport.F(x?.CoverageGini), EquityReport.F(e.CoverageGini), x?.AbovePriority, e.AbovePriority);
                    }
                }
            });
            var delta = areas.Sum(a => a.DeltaCost);
            console.Error.WriteLine($"compare: {areas.Count} area rows and {centres.Count} centre rows change; cost {delta.ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture)} € a year");
            return App.Ok;
        });
        return cmd;
    }

    private static Command SweepCommand(IServiceProvider services)
    {
        var scenario = new Argument<string>("scenario") { Description = "A scenario folder" };
        var param = new Option<string>("--param") { Description = $"NAME=FROM:TO:STEP, NAME a policy parameter or {Sweep.PoolScale} (a factor on every pool row)", Required = true };
        var output = Out("Write sweep.csv and sweep.png into this folder");
        var cmd = new Command("sweep", "One policy parameter over a range: totals per value (entitled, allocated, shortfall, cost) and a chart");
        cmd.Arguments.Add(scenario);
        cmd.Options.Add(param);
        cmd.Options.Add(output);
        Solving(cmd, "cp-sat");
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Console>();
            var plan = Planning(r, services, console);
            var s = ScenarioReader.Read(r.GetValue(scenario)!);
            var (name, values) = Sweep.Parse(r.GetValue(param)!);
            foreach (var value in values) Sweep.At(s, name, value); // every point checked before any is solved
            var points = WithProgress(console, $"sweep {name}", values.Count, p => Sweep.Run(s, name, values, plan, p));
            var png = Charts.Sweep(name, points);
            AtomicFolder.Write(r.GetValue(output)!, tmp =>
            {
                using (var csv = CsvOut.Create(Path.Combine(tmp, "sweep.csv")))
                {
                    csv.Row("value", "area", "resource", "entitled", "allocated", "shortfall", "cost");
                    foreach (var p in points)
                        foreach (var t in p.Totals) csv.Row(p.Value, t.Area, t.Resource.Name(), t.Entitled, t.Allocated, t.Shortfall, t.Cost);
                }
                File.WriteAllBytes(Path.Combine(tmp, "sweep.png"), png);
            });
            return App.Ok;
        });
        return cmd;
    }

    private static Command SimulateCommand(IServiceProvider services)
    {
        var scenario = new Argument<string>("scenario") { Description = "A scenario folder (trends.csv in it is read when present)" };
        var runs = new Option<int>("--runs") { Description = "Monte Carlo runs", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var trends = new Option<string?>("--trends") { Description = "trends.csv: code or area, growth, spread (default: the scenario's own)" };
        var output = Out("Write simulate-areas.csv, simulate-centres.csv and fan.png into this folder");
        var cmd = new Command("simulate", "Next school year by Monte Carlo: P10/P50/P90 of need and shortfall per area and resource, per-centre chances of gaining or losing a post or crossing 25%");
        cmd.Arguments.Add(scenario);
        foreach (var o in new Option[] { runs, seed, trends, output }) cmd.Options.Add(o);
        Solving(cmd, "greedy");
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Console>();
            var (planner, solver, settings) = Solver(r, services, console);
            var s = ScenarioReader.Read(r.GetValue(scenario)!);
            var n = r.GetValue(runs);
            if (n < 1 || n > 100_000) throw InputException.Single($"--runs: found {n}, expected 1 to 100000");
            var trendPath = r.GetValue(trends) ?? Path.Combine(r.GetValue(scenario)!, "trends.csv");
            var t = File.Exists(trendPath) ? Simulation.ReadTrends(trendPath, s) : r.GetValue(trends) is { } missing ? throw InputException.Single($"{missing}: found no such file, expected trends.csv") : [];
            var (areas, centres, _) = WithProgress(console, "simulate", n, p => Simulation.Run(s, t, n, r.GetValue(seed), x => planner.Totals(x, solver, settings), r.GetValue(Commands.WorkersOpt), p));
            var pools = (s.Pool ?? []).Where(p => p.Area != PoolRow.AllAreas).ToDictionary(p => (p.Area, p.Resource), p => p.Amount);
            var png = Charts.Fan(areas, pools, Resource.PrimarySupport);
            AtomicFolder.Write(r.GetValue(output)!, tmp =>
            {
                static string D(double d) => d.ToString("0.##", CultureInfo.InvariantCulture);
                using (var csv = CsvOut.Create(Path.Combine(tmp, "simulate-areas.csv")))
                {
                    csv.Row("area", "resource", "need_p10", "need_p50", "need_p90", "shortfall_p10", "shortfall_p50", "shortfall_p90");
                    foreach (var a in areas) csv.Row(a.Area, a.Resource.Name(), D(a.NeedP10), D(a.NeedP50), D(a.NeedP90), D(a.ShortfallP10), D(a.ShortfallP50), D(a.ShortfallP90));
                }
                using (var csv = CsvOut.Create(Path.Combine(tmp, "simulate-centres.csv")))
                {
                    csv.Row("code", "p_gain_post", "p_lose_post", "p_cross_priority");
                    foreach (var c in centres) csv.Row(c.Code, D(c.GainPost), D(c.LosePost), D(c.CrossPriority));
                }
                File.WriteAllBytes(Path.Combine(tmp, "fan.png"), png);
            });
            return App.Ok;
        });
        return cmd;
    }

    private static Command ReportCommand(IServiceProvider services)
    {
        var planDir = new Argument<string>("plan") { Description = "A plan folder written by staffing plan" };
        var compare = new Option<string?>("--compare") { Description = "Another plan folder to compare with" };
        var scenario = new Option<string?>("--scenario") { Description = "The plan's scenario: adds each centre's name, the full trace of the rules and the concentration chart" };
        var output = Out("FILE.html (self-contained page) or FILE.xlsx (a sheet per table)");
        var cmd = new Command("report", "A plan as a page people read or a workbook planners live in");
        cmd.Arguments.Add(planDir);
        foreach (var o in new Option[] { compare, scenario, output }) cmd.Options.Add(o);
        cmd.SetAction(r =>
        {
            var file = r.GetValue(output)!;
            var ext = Path.GetExtension(file).ToLowerInvariant();
            if (ext is not (".html" or ".xlsx")) throw InputException.Single($"--out: found \"{file}\", expected a file ending in .html or .xlsx");
            var report = new Report(r.GetValue(planDir)!, r.GetValue(scenario) is { } sc ? ScenarioReader.Read(sc) : null, r.GetValue(compare));
            if (ext == ".html") report.Html(file); else report.Xlsx(file);
            return App.Ok;
        });
        return cmd;
    }

    /// <summary>A progress bar on a terminal (Spectre.Console, on stderr); nothing when stderr is redirected.</summary>
    private static T WithProgress<T>(Console console, string what, int total, Func<IProgress<int>?, T> work)
    {
        if (!ReferenceEquals(console.Error, System.Console.Error) || System.Console.IsErrorRedirected) return work(null);
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
        T result = default!;
        ansi.Progress().Start(ctx =>
        {
            var task = ctx.AddTask(what, maxValue: total);
            result = work(new Progress<int>(done => task.Value = done));
        });
        return result;
    }
}
