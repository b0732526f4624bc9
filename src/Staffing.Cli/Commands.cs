using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Allocation;
using Staffing.Domain;
using Staffing.Io;

namespace Staffing.Cli;

public static class Commands
{
    private static readonly Argument<string> ScenarioArg = new("scenario") { Description = "A scenario folder (centres.csv and optional pool.csv, eoep.csv, current.csv, locks.csv, policy.json)" };
    private static readonly Option<bool> StrictOpt = new("--strict") { Description = "Unknown columns are errors, not warnings" };
    private static readonly Option<string?> DelimiterOpt = new("--delimiter") { Description = "Force the CSV separator: ',' or ';' (default: detected)" };
    private static readonly Option<string?> EncodingOpt = new("--encoding") { Description = "Force the CSV encoding: utf-8 or windows-1252 (default: detected)" };
    private static readonly Option<string?> PolicyOpt = new("--policy") { Description = "A policy.json of overrides applied after the scenario's own" };

    public static RootCommand Build(IServiceProvider services)
    {
        var root = new RootCommand("staffing: compensatory-education staffing by the Madrid regulation of 21 July 2006 (see RULES.md)");
        root.Subcommands.Add(Entitlement(services));
        root.Subcommands.Add(PlanCommand(services));
        root.Subcommands.Add(Verify(services));
        root.Subcommands.Add(AuditCommand(services));
        root.Subcommands.Add(EquityCommand(services));
        WhatIfCommands.Add(root, services);
        root.Subcommands.Add(Web.ServeCommand.Build(services));
        root.Subcommands.Add(Generate(services));
        return root;
    }

    private static Command WithInput(Command c)
    {
        c.Arguments.Add(ScenarioArg);
        foreach (var o in new Option[] { StrictOpt, DelimiterOpt, EncodingOpt, PolicyOpt }) c.Options.Add(o);
        return c;
    }

    public static Scenario ReadScenario(ParseResult r, Console console)
    {
        var delimiter = r.GetValue(DelimiterOpt) switch
        {
            null => (char?)null,
            "," or "comma" => ',',
            ";" or "semicolon" => ';',
            var d => throw InputException.Single($"--delimiter: found \"{d}\", expected ',' or ';'"),
        };
        var encoding = r.GetValue(EncodingOpt)?.ToLowerInvariant() switch
        {
            null => null,
            "utf-8" or "utf8" => new System.Text.UTF8Encoding(false),
            "windows-1252" or "cp1252" or "latin1" => System.Text.Encoding.GetEncoding(1252),
            var e => throw InputException.Single($"--encoding: found \"{e}\", expected utf-8 or windows-1252"),
        };
        var s = ScenarioReader.Read(r.GetValue(ScenarioArg)!, new CsvOptions(delimiter, encoding, r.GetValue(StrictOpt)), r.GetValue(PolicyOpt));
        console.Notes(s.Notes);
        return s;
    }

    private static Command Entitlement(IServiceProvider services)
    {
        var centre = new Option<string?>("--centre") { Description = "One centre's code: its entitlement with the full trace" };
        var format = new Option<string>("--format") { Description = "text, csv or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "csv", "json");
        var output = new Option<string?>("--out") { Description = "Write entitlement.{txt,csv,json} into this folder instead of stdout" };
        var near = new Option<bool>("--near-thresholds") { Description = "List the centres one compensatory pupil away from a change (cliff edges), as CSV" };
        var cmd = WithInput(new Command("entitlement", "What the rules give each centre, and why (the inspector's view)"));
        cmd.Options.Add(near);
        cmd.Options.Add(centre);
        cmd.Options.Add(format);
        cmd.Options.Add(output);
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Console>();
            var s = ReadScenario(r, console);
            IEnumerable<Centre> centres = s.Centres.OrderBy(c => c.Code, StringComparer.Ordinal);
            if (r.GetValue(centre) is { } code)
                centres = [s.Find(code) ?? throw InputException.Single($"--centre: found \"{code}\", expected a centre code of centres.csv")];
            var f = r.GetValue(near) ? "near" : r.GetValue(format)!;
            string Render() => f switch
            {
                "csv" => EntitlementWriter.Render(w => EntitlementWriter.Csv(w, s.Policy, centres)),
                "json" => Json(s, centres),
                "near" => EntitlementWriter.Render(w => EntitlementWriter.NearThresholds(w, s.Policy, centres)),
                _ => EntitlementWriter.Render(w => EntitlementWriter.Text(w, s.Policy, centres)),
            };
            var text = Render();
            if (r.GetValue(output) is { } dir)
                AtomicFolder.Write(dir, tmp => File.WriteAllText(Path.Combine(tmp, f == "near" ? "near-thresholds.csv" : "entitlement." + (f == "text" ? "txt" : f)), text));
            else console.Out.Write(text);
            return App.Ok;
        });
        return cmd;
    }

    private static string Json(Scenario s, IEnumerable<Centre> centres)
    {
        using var ms = new MemoryStream();
        EntitlementWriter.Json(ms, s.Policy, centres);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    public static readonly Option<string> SolverOpt = new("--solver") { Description = "cp-sat (default) or greedy", DefaultValueFactory = _ => "cp-sat" };
    public static readonly Option<double> TimeLimitOpt = new("--time-limit") { Description = "Seconds the optimizer may take in all (best plan found is kept)", DefaultValueFactory = _ => 60 };
    public static readonly Option<int> WorkersOpt = new("--workers") { Description = "Independent parts solved at once (default: the cores); the output is the same for any value", DefaultValueFactory = _ => Math.Min(Environment.ProcessorCount, 64) };
    public static readonly Option<int> SeedOpt = new("--seed") { Description = "Solver random seed", DefaultValueFactory = _ => 0 };
    private static readonly Option<string> OutOpt = new("--out") { Description = "The plan folder to write (replaced as a whole)", Required = true };

    public static SolveSettings Settings(ParseResult r, Console console)
    {
        var limit = r.GetValue(TimeLimitOpt);
        var workers = r.GetValue(WorkersOpt);
        if (limit <= 0 || double.IsNaN(limit)) throw InputException.Single($"--time-limit: found {limit.ToString(CultureInfo.InvariantCulture)}, expected a number of seconds > 0");
        if (workers < 1 || workers > 64) throw InputException.Single($"--workers: found {workers}, expected 1 to 64");
        return new SolveSettings(limit, workers, r.GetValue(SeedOpt), new Progress(console.Error));
    }

    private static Command Verify(IServiceProvider services)
    {
        var plan = new Argument<string>("plan") { Description = "A plan folder (plan.csv, itinerants.csv, eoep-schedule.csv), from this tool or any other" };
        var cmd = WithInput(new Command("verify", "Check a plan against the scenario and the rules, independently of the optimizer; exit 1 on any violation"));
        cmd.Arguments.Add(plan);
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Console>();
            var s = ReadScenario(r, console);
            var violations = PlanVerifier.Verify(s, PlanReader.Read(r.GetValue(plan)!));
            foreach (var v in violations) console.Out.WriteLine(v.ToString());
            console.Error.WriteLine(violations.Count == 0 ? "verified: no violations" : $"{violations.Count} violations");
            return violations.Count == 0 ? App.Ok : App.Finding;
        });
        return cmd;
    }

    private static Command AuditCommand(IServiceProvider services)
    {
        var output = new Option<string?>("--out") { Description = "Write audit.csv and audit-areas.csv into this folder (default: audit.csv on stdout)" };
        var cmd = WithInput(new Command("audit", "This year's staffing (current.csv) against the rules: over- and under-staffed centres, broken itinerant pairs, totals per area"));
        cmd.Options.Add(output);
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Console>();
            var s = ReadScenario(r, console);
            if (s.Current is null) throw InputException.Single("current.csv: found no file, expected this year's staffing to audit");
            var lines = Audit.Lines(s);
            var areas = Audit.Areas(s, lines);
            void Lines(TextWriter w)
            {
                using var csv = new CsvOut(w);
                csv.Row("code", "resource", "held", "entitled", "difference", "finding", "rules");
                foreach (var l in lines) csv.Row(l.Code, l.Resource.Name(), l.Held, l.Entitled, l.Difference, l.Finding, l.Rules);
            }
            void Areas(TextWriter w)
            {
                using var csv = new CsvOut(w);
                csv.Row("area", "resource", "held", "entitled", "difference", "over_staffed", "under_staffed");
                foreach (var a in areas) csv.Row(a.Area, a.Resource.Name(), a.Held, a.Entitled, a.Difference, a.Over, a.Under);
            }
            if (r.GetValue(output) is { } dir)
                AtomicFolder.Write(dir, tmp =>
                {
                    using (var w = new StreamWriter(Path.Combine(tmp, "audit.csv"))) Lines(w);
                    using (var w = new StreamWriter(Path.Combine(tmp, "audit-areas.csv"))) Areas(w);
                });
            else console.Out.Write(EntitlementWriter.Render(Lines));
            console.Error.WriteLine($"audit: {lines.Count(l => l.Difference > 0)} over-staffed, {lines.Count(l => l.Difference < 0)} under-staffed, {lines.Count(l => l.Finding.Contains("pair breaks", StringComparison.Ordinal))} broken itinerant pairs");
            return App.Ok;
        });
        return cmd;
    }

    private static Command EquityCommand(IServiceProvider services)
    {
        var by = new Option<string>("--by") { Description = "area or locality (localities within areas)", DefaultValueFactory = _ => "locality" };
        by.AcceptOnlyFromAmong("area", "locality");
        var output = new Option<string?>("--out") { Description = "Write equity.csv into this folder (default: the table on stdout)" };
        var seed = new Option<int>("--seed") { Description = "Bootstrap seed", DefaultValueFactory = _ => 0 };
        var cmd = WithInput(new Command("equity", "Segregation of compensatory pupils (dissimilarity, isolation, exposure, Gini) beside the staff the plan gives them"));
        foreach (var o in new Option[] { by, output, seed, SolverOpt, TimeLimitOpt, WorkersOpt }) cmd.Options.Add(o);
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Console>();
            var s = ReadScenario(r, console);
            var (problem, plan) = services.GetRequiredService<Planner>().Plan(s, r.GetValue(SolverOpt)!, Settings(r, console));
            var rows = Staffing.Equity.EquityReport.Compute(problem, plan, r.GetValue(by) == "locality", r.GetValue(seed));
            void Write(TextWriter w)
            {
                using var csv = new CsvOut(w);
                csv.Row("level", "area", "locality", "stage", "centres", "pupils", "compensatory", "dissimilarity", "dissimilarity_low", "dissimilarity_high",
                    "isolation", "exposure", "gini", "warning", "above_priority_line", "posts_per_100", "eoep_days_per_100", "coverage_gini");
                static string F(double? v) => Staffing.Equity.EquityReport.F(v);
                foreach (var e in rows)
                    csv.Row(e.Level, e.Area, e.Locality, e.Stage.Name(), e.Centres, e.Pupils, e.Compensatory, F(e.Dissimilarity), F(e.DissimilarityLow), F(e.DissimilarityHigh),
                        F(e.Isolation), F(e.Exposure), F(e.Gini), e.Warning, e.AbovePriority, F(e.PostsPer100), F(e.EoepDaysPer100), F(e.CoverageGini));
            }
            if (r.GetValue(output) is { } dir)
                AtomicFolder.Write(dir, tmp => { using var w = new StreamWriter(Path.Combine(tmp, "equity.csv")); Write(w); });
            else
            {
                console.Out.WriteLine($"{"level",-8} {"area / locality",-40} {"stage",-9} {"centres",7} {"comp",6} {"D",6} {"D 95%",13} {"isol",6} {"gini",6} {">25%",5} {"posts/100",9} {"days/100",8}  warning");
                foreach (var e in rows)
                {
                    var place = e.Level == "region" ? "(region)" : e.Level == "area" ? e.Area : "  " + e.Locality;
                    console.Out.WriteLine($"{e.Level,-8} {(place.Length > 40 ? place[..39] + "…" : place),-40} {e.Stage.Name(),-9} {e.Centres,7} {e.Compensatory,6} {F2(e.Dissimilarity),6} {(e.DissimilarityLow is null ? "" : F2(e.DissimilarityLow) + "–" + F2(e.DissimilarityHigh)),13} {F2(e.Isolation),6} {F2(e.Gini),6} {e.AbovePriority,5} {F2(e.PostsPer100),9} {F2(e.EoepDaysPer100),8}  {e.Warning}");
                }
            }
            return App.Ok;
        });
        return cmd;
    }

    private static string F2(double? v) => v?.ToString("0.00", CultureInfo.InvariantCulture) ?? "–";

    private static Command Generate(IServiceProvider services)
    {
        var centres = new Option<int>("--centres") { Description = "How many centres", DefaultValueFactory = _ => 1200 };
        var areas = new Option<int>("--areas") { Description = "How many territorial areas", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same scenario)", DefaultValueFactory = _ => 1 };
        var ratio = new Option<double>("--pool-ratio") { Description = "Pools as a fraction of the entitlement", DefaultValueFactory = _ => 0.8 };
        var output = new Option<string>("--out") { Description = "The scenario folder to write", Required = true };
        var directory = new Option<string?>("--directory") { Description = "Build from a public directory of real centres (directory.csv) instead: real codes and places, synthesised pupils" };
        var cmd = new Command("generate", "Write a synthetic scenario of any size (realistic mix, many boundary cases), or one of a real network");
        foreach (var o in new Option[] { centres, areas, seed, ratio, output, directory }) cmd.Options.Add(o);
        cmd.SetAction(r =>
        {
            var pr = r.GetValue(ratio);
            if (pr < 0 || pr > 10 || double.IsNaN(pr)) throw InputException.Single($"--pool-ratio: found {pr.ToString(CultureInfo.InvariantCulture)}, expected a fraction from 0 to 10");
            var s = r.GetValue(directory) is { } dir
                ? DirectoryScenario.Build(dir, r.GetValue(seed), pr)
                : ScenarioGenerator.Generate(new ScenarioGenerator.Options(r.GetValue(centres), r.GetValue(areas), r.GetValue(seed), pr));
            AtomicFolder.Write(r.GetValue(output)!, tmp => ScenarioGenerator.Write(s, tmp));
            services.GetRequiredService<Console>().Error.WriteLine($"wrote {s.Centres.Count} centres in {s.Teams!.Select(t => t.Area).Distinct().Count()} areas");
            return App.Ok;
        });
        return cmd;
    }

    private static Command PlanCommand(IServiceProvider services)
    {
        var cmd = WithInput(new Command("plan", "Allocate the pools into a plan per centre (plan.csv, itinerants.csv, eoep-schedule.csv, indicators.csv, summary.json)"));
        foreach (var o in new Option[] { OutOpt, SolverOpt, TimeLimitOpt, WorkersOpt, SeedOpt }) cmd.Options.Add(o);
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Console>();
            var s = ReadScenario(r, console);
            var settings = Settings(r, console);
            var (problem, plan) = services.GetRequiredService<Planner>().Plan(s, r.GetValue(SolverOpt)!, settings);
            AtomicFolder.Write(r.GetValue(OutOpt)!, tmp => PlanWriter.Write(tmp, problem, plan));
            var short_ = plan.Lines.Where(l => l.Funding == Funding.Pool).Sum(l => l.Shortfall);
            console.Error.WriteLine($"{plan.Status}: {plan.Lines.Length} plan rows, shortfall {short_} units, {plan.Itinerants.Length} itinerant teachers, {plan.Seconds:0.###} s");
            return App.Ok;
        });
        return cmd;
    }
}

/// <summary>Progress lines on stderr, only when stderr is a terminal.</summary>
public sealed class Progress(TextWriter error) : IProgress<string>
{
    private readonly bool show = ReferenceEquals(error, System.Console.Error) && !System.Console.IsErrorRedirected;

    public void Report(string value)
    {
        if (show) error.WriteLine(value);
    }
}
