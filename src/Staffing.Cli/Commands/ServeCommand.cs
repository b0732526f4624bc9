using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Staffing.Allocation;
using Staffing.Cli.Web;
using Staffing.Io;
using Staffing.WhatIf;

namespace Staffing.Cli.Commands;

/// <summary>`staffing serve`: the inspector's and planner's page, read-only, with a JSON API.</summary>
public static class ServeCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command("serve", "The inspector's and planner's page in a browser (read-only), with a JSON API");
        var scenario = ScenarioInput.AddTo(cmd);
        var plan = new Option<string?>("--plan")
        {
            Description = "A plan folder written by staffing plan (default: planned at start-up)",
        };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1", DefaultValueFactory = _ => 5080 };
        port.Validators.Add(r =>
        {
            var p = r.GetValueOrDefault<int>();
            if (p is < 1 or > 65535)
                r.AddError($"--port: found {p}, expected 1 to 65535");
        });
        var urls = new Option<string?>("--urls")
        {
            Description = "Listen elsewhere (e.g. http://0.0.0.0:5080): prints a warning, the page has no login",
        };
        urls.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && ServeApp.UrlProblem(text) is { } problem)
                r.AddError(problem);
        });
        foreach (var o in new Option[] { plan, port, urls })
            cmd.Options.Add(o);
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Console>();
            var s = ScenarioInput.Read(r, r.GetValue(scenario)!, console);
            var state = Load(services.GetRequiredService<Planner>(), s, r.GetValue(scenario)!, r.GetValue(plan));
            var listen = r.GetValue(urls) is { } u
                ? u.Split(';', StringSplitOptions.RemoveEmptyEntries)
                : [ServeApp.Url(r.GetValue(port))];
            foreach (var l in listen.Where(l => !ServeApp.IsLoopback(l)))
                console.Error.WriteLine(
                    $"warning: listening on {l}, beyond this machine; the page has no login and "
                        + "shows every centre of the scenario"
                );
            var app = ServeApp.Build(state, listen);
            try
            {
                app.StartAsync().GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or FormatException)
            {
                throw InputException.Single(
                    $"--urls: found {string.Join(";", listen)}, expected addresses this machine can listen on ({ex.Message.Split('\n')[0].TrimEnd('.')})"
                );
            }
            console.Error.WriteLine(
                $"serving {state.Scenario.Centres.Count} centres ({state.Plan.Status}) on "
                    + $"{string.Join(", ", listen)}; Ctrl+C to stop"
            );
            // The first Ctrl-C or SIGTERM stops the server, cancelling the solves running.
            using (console.Interrupted.Register(() => app.StopAsync().GetAwaiter().GetResult()))
                app.WaitForShutdownAsync().GetAwaiter().GetResult();
            return ExitCode.Ok;
        });
        return cmd;
    }

    /// <summary>The scenario and its plan: read from a plan folder (verified against the scenario) or planned now.</summary>
    public static ServeApp.State Load(Planner planner, Scenario s, string scenarioDir, string? planDir)
    {
        var (_, plan) = planner.Plan(s, "cp-sat", new SolveSettings(60));
        if (planDir is not null)
        {
            var files = PlanReader.Read(planDir);
            var violations = PlanVerifier.Verify(s, files);
            if (violations.Count > 0)
                throw InputException.Single(
                    $"{planDir}: found a plan that does not fit the scenario ({violations[0]}), "
                        + $"expected the plan of {scenarioDir}"
                );
            var read = files.Lines.ToDictionary(l => (l.Code, l.Resource));
            plan = plan with
            {
                Lines =
                [
                    .. plan.Lines.Select(l =>
                        read.TryGetValue((l.Code, l.Resource), out var f)
                            ? l with
                            {
                                Allocated = f.Allocated,
                                Reason = f.Reason,
                            }
                            : l
                    ),
                ],
                Itinerants =
                [
                    .. files.Itinerants.Select(t => new ItinerantTeacher(
                        t.Teacher,
                        s.Find(t.Centres[0])!.Area,
                        t.Stage,
                        [.. t.Centres],
                        [.. t.Days],
                        t.FreeDays,
                        false,
                        null
                    )),
                ],
            };
        }
        return new ServeApp.State(s, plan, Totals.Of(s, plan.Lines), planner);
    }
}
