using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Staffing.Allocation;
using Staffing.Cli.Web;
using Staffing.Io;
using Staffing.WhatIf;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Commands;

/// <summary>`staffing serve`: the inspector's and planner's page with a JSON API; with --db, the planner's workspace.</summary>
internal static class ServeCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command(
"serve", Texts.ServeDescription);
        var scenario = ScenarioInput.AddTo(cmd);
        var plan = new Option<string?>("--plan")
        {
            Description = Texts.ServePlanOption,
        };
        var port = new Option<int>("--port") { Description = Texts.PortOption, DefaultValueFactory = _ => 5080 };
        Validation.Add(
            port,
            r =>
            {
                var p = r.GetValueOrDefault<int>();
                if (p is < 1 or > 65535)
                    r.AddError(Say.Format(Texts.PortFound, p));
            }
        );
        var urls = new Option<string?>("--urls")
        {
            Description = Texts.UrlsOption,
        };
        var users = new Option<string?>("--users")
        {
            Description = Texts.ServeUsersOption,
        };
        var db = new Option<string?>("--db")
        {
            Description = Texts.ServeDbOption,
        };
        var cert = new Option<string?>("--cert") { Description = Texts.CertOption };
        var key = new Option<string?>("--key") { Description = Texts.KeyOption };
        var proxies = new Option<string[]>("--trust-proxy")
        {
            Description = Texts.TrustProxyOption,
            AllowMultipleArgumentsPerToken = false,
        };
        Validation.Add(
            proxies,
            r =>
            {
                foreach (var p in r.GetValueOrDefault<string[]>() ?? [])
                    if (!System.Net.IPAddress.TryParse(p, out _))
                        r.AddError(Say.Format(Texts.TrustProxyFound, InputErrors.Quote(p)));
            }
        );
        Validation.Add(
            urls,
            r =>
            {
                if (r.GetValueOrDefault<string?>() is { } text && ServeApp.UrlProblem(text) is { } problem)
                    r.AddError(problem);
            }
        );
        foreach (var o in new Option[] { plan, port, urls, users, db, cert, key, proxies })
            cmd.Options.Add(o);
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Terminal>();
            var listen = r.GetValue(urls) is { } u
                ? u.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(ServeApp.Unmapped)
                    .ToArray()
                : [ServeApp.Url(r.GetValue(port))];
            var people = r.GetValue(users) is { } file ? Web.Users.Load(file) : null;
            if (people is null && listen.FirstOrDefault(l => !ServeApp.IsLoopback(l)) is { } beyond)
                throw InputException.Single(Say.Format(Texts.UrlsBeyondWithoutUsers, beyond));
            var certificate = r.GetValue(cert) is { } c ? Certificate(c, r.GetValue(key)) : null;
            var trusted = (r.GetValue(proxies) ?? []).Select(System.Net.IPAddress.Parse).ToList();
            var https = listen.Where(l => l.StartsWith("https:", StringComparison.OrdinalIgnoreCase)).ToList();
            if (https.Count > 0 && certificate is null)
                throw InputException.Single(Say.Format(Texts.UrlsHttpsWithoutCert, https[0]));
            if (certificate is not null && https.Count == 0)
                throw InputException.Single(Texts.CertWithoutHttps);
            // Beyond this machine, passwords travel over HTTPS: served directly, or by a proxy trusted to say so.
            if (
                trusted.Count == 0
                && listen.FirstOrDefault(l => !ServeApp.IsLoopback(l) && !l.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
                    is { } plain
            )
                throw InputException.Single(Say.Format(Texts.UrlsBeyondPlainHttp, plain));
            var folder = r.GetValue(scenario)!;
            var s = ScenarioInput.Read(r, folder, console);
            // Opened after the scenario is read: bad input leaves no new workspace file behind.
            var workspace = r.GetValue(db) is { } path ? Io.Workspace.Open(path, create: true) : null;
            var state = Load(services.GetRequiredService<Planner>(), s, folder, r.GetValue(plan));
            if (workspace is not null)
            {
                var (delimiter, encoding, strict) = ScenarioInput.Given(r);
                state = Attach(
                    state,
                    workspace,
                    folder,
                    services.GetRequiredService<Runs.Replanning>(),
                    new RunSettings("cp-sat", 60, 1, 0, delimiter, encoding, strict),
                    ScenarioInput.Policy(r) is { } p ? File.ReadAllText(p) : null
                );
            }
            state = state with { Users = people, Certificate = certificate, Proxies = trusted };
            var app = ServeApp.Build(state, listen);
            try
            {
                app.StartAsync().GetAwaiter().GetResult();
            }
            catch (Exception ex)
                when (ex is IOException or InvalidOperationException or FormatException or System.Net.Sockets.SocketException)
            {
                throw InputException.Single(
                    Say.Format(Texts.UrlsCannotListen, string.Join(";", listen), ex.Message.Split('\n')[0].TrimEnd('.'))
                );
            }
            console.Error.WriteLine(
                Say.Format(Texts.Serving, state.Scenario.Centres.Count, Words.Status(state.Plan.Status), string.Join(", ", listen))
                    + (workspace is null ? "" : Say.Format(Texts.ServingRuns, workspace.Path))
                    + (people is null ? "" : Say.Format(Texts.ServingUsers, people.All.Count))
                    + Texts.ServingStop
            );
            // The first Ctrl-C or SIGTERM stops the server, cancelling the solves running.
            using (console.Interrupted.Register(() => app.StopAsync().GetAwaiter().GetResult()))
                app.WaitForShutdownAsync().GetAwaiter().GetResult();
            return ExitCode.Ok;
        });
        return cmd;
    }

    /// <summary>The server's certificate: a PEM certificate with its key (in the same file or --key), or a PFX file.</summary>
    private static System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate(string file, string? key)
    {
        try
        {
            var pfx = Path.GetExtension(file).ToLowerInvariant() is ".pfx" or ".p12";
            var loaded = pfx
                ? System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(file, null)
                : System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(file, key);
            return loaded.HasPrivateKey ? loaded : throw new System.Security.Cryptography.CryptographicException(Texts.CertNoKey);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw InputException.Single(Say.Format(Texts.CertFound, file, e.Message.TrimEnd('.')));
        }
    }

    /// <summary>
    /// The served state with the workspace: the scenario's files imported (the same files are one scenario) and,
    /// when it has no run yet, the plan served stored as its first, so the page has a run to pin on.
    /// </summary>
    public static ServeApp.State Attach(
        ServeApp.State state,
        Workspace workspace,
        string folder,
        Runs.Replanning replanning,
        RunSettings how,
        string? overrides
    )
    {
        var stored = workspace.Import(folder, WorkspaceOptions.Who);
        if (workspace.Runs(stored.Id).Count == 0)
            workspace.Save(
                new NewRun(
                    stored.Id,
                    null,
                    "start-up of serve",
                    "",
                    WorkspaceOptions.Who,
                    how,
                    overrides,
                    state.Plan,
                    state.Scenario.Locks ?? []
                )
            );
        return state with { Workspace = workspace, ScenarioId = stored.Id, Replanning = replanning };
    }

    /// <summary>The scenario and its plan: read from a plan folder (verified against the scenario) or planned now.</summary>
    public static ServeApp.State Load(Planner planner, Scenario s, string scenarioDir, string? planDir)
    {
        var (_, plan) = planner.Plan(s, "cp-sat", new SolveSettings(60));
        if (planDir is not null)
        {
            var files = PlanReader.Read(planDir, Explain.Knows, Reports.Tables.ReadBack);
            var violations = PlanVerifier.Verify(s, files);
            if (violations.Count > 0)
                throw InputException.Single(Say.Format(Texts.ServePlanDoesNotFit, planDir, violations[0].Line(Explain.Read), scenarioDir));
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
