using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Allocation;
using Staffing.Io;
using Staffing.WhatIf;

namespace Staffing.Cli.Web;

public static class ServeCommand
{
    public static Command Build(IServiceProvider services)
    {
        var scenario = new Argument<string>("scenario") { Description = "A scenario folder" };
        var plan = new Option<string?>("--plan") { Description = "A plan folder written by staffing plan (default: planned at start-up)" };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1", DefaultValueFactory = _ => 5080 };
        var urls = new Option<string?>("--urls") { Description = "Listen elsewhere (e.g. http://0.0.0.0:5080): prints a warning, the page has no login" };
        var cmd = new Command("serve", "The inspector's and planner's page in a browser (read-only), with a JSON API");
        cmd.Arguments.Add(scenario);
        foreach (var o in new Option[] { plan, port, urls }) cmd.Options.Add(o);
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Console>();
            var state = Load(services.GetRequiredService<Planner>(), r.GetValue(scenario)!, r.GetValue(plan));
            var p = r.GetValue(port);
            if (p is < 1 or > 65535) throw InputException.Single($"--port: found {p}, expected 1 to 65535");
            var listen = r.GetValue(urls) is { } u ? u.Split(';', StringSplitOptions.RemoveEmptyEntries) : [ServeApp.Url(p)];
            foreach (var l in listen.Where(l => !ServeApp.IsLoopback(l)))
                console.Error.WriteLine($"warning: listening on {l}, beyond this machine; the page has no login and shows every centre of the scenario");
            var app = ServeApp.Build(state, listen);
            console.Error.WriteLine($"serving {state.Scenario.Centres.Count} centres ({state.Plan.Status}) on {string.Join(", ", listen)}; Ctrl+C to stop");
            app.Run();
            return App.Ok;
        });
        return cmd;
    }

    /// <summary>The scenario and its plan: read from a plan folder (verified against the scenario) or planned now.</summary>
    public static ServeApp.State Load(Planner planner, string scenarioDir, string? planDir)
    {
        var s = ScenarioReader.Read(scenarioDir);
        var (problem, plan) = planner.Plan(s, "cp-sat", new SolveSettings(60));
        if (planDir is not null)
        {
            var files = PlanReader.Read(planDir);
            var violations = PlanVerifier.Verify(s, files);
            if (violations.Count > 0) throw InputException.Single($"{planDir}: found a plan that does not fit the scenario ({violations[0]}), expected the plan of {scenarioDir}");
            var reasons = files.Lines.ToDictionary(l => (l.Code, l.Resource));
            plan = plan with
            {
                Lines = [.. plan.Lines.Select(l => reasons.TryGetValue((l.Code, l.Resource), out var f) ? l with { Allocated = f.Allocated, Reason = f.Reason } : l)],
                Itinerants = [.. files.Itinerants.Select(t => new ItinerantTeacher(t.Teacher, s.Find(t.Centres[0])!.Area, t.Stage, [.. t.Centres], [.. t.Days], false, null))],
            };
        }
        return new ServeApp.State(s, plan, Totals.Of(s, plan.Lines), planner);
    }
}
