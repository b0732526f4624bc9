using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Staffing.Allocation;
using Staffing.Domain;
using Staffing.Io;
using Staffing.Rules;
using Staffing.WhatIf;

namespace Staffing.Cli.Web;

/// <summary>
/// `staffing serve`: the scenario and plan it was started with as a JSON API (OpenAPI at /openapi/v1.json) and a
/// static page for inspectors and planners; with a workspace, its runs (<see cref="RunsApi"/>). Nothing is fetched
/// from elsewhere.
/// </summary>
public static class ServeApp
{
    public const int MaxWhatIfBytes = 16 * 1024;

    /// <summary>The parameters the page's what-if panel offers (any parameter may be posted).</summary>
    public static readonly IReadOnlyList<string> WhatIfParameters =
    [
        "primary_ratio",
        "cycle_cap",
        "priority_threshold",
        "cra_ratio",
        "secondary_ratio",
        "secondary_cap",
        "secondary_ptsc_min_support",
        "itinerant_share",
    ];
    public const double WhatIfSeconds = 10;

    /// <summary>What-ifs waiting for a solver beyond those running; more get 503 with Retry-After.</summary>
    public static int WhatIfQueue => 2 * Environment.ProcessorCount;

    /// <summary>What-ifs solved at once: every core but one, so searches, cards and pages answer during a burst.</summary>
    public static int WhatIfSolvers => Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>What every response carries: the page runs only its own script and style, and is framed by nobody.</summary>
    public static readonly IReadOnlyList<(string Name, string Value)> SecurityHeaders =
    [
        (
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
        ),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "no-referrer"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
    ];

    /// <remarks>
    /// With a <see cref="Workspace"/> (serve --db) the page also shows the scenario's stored runs and drives pins,
    /// re-plans and adoption; with <see cref="Users"/> people sign in.
    /// </remarks>
    public sealed record State(Scenario Scenario, Plan Plan, IReadOnlyList<Total> Totals, Planner Planner)
    {
        public Workspace? Workspace { get; init; }
        public long ScenarioId { get; init; }
        public Users? Users { get; init; }
        public Cli.Runs.Replanning? Replanning { get; init; }

        /// <summary>The server's certificate (serve --cert, --key): https:// addresses, secure cookies.</summary>
        public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; init; }

        /// <summary>Proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (serve --trust-proxy).</summary>
        public IReadOnlyList<System.Net.IPAddress> Proxies { get; init; } = [];
    }

    public static WebApplication Build(State state, string[] urls, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddOpenApi();
        Access.AddServices(builder.Services, secure: state.Certificate is not null || state.Proxies.Count > 0);
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.WebHost.UseUrls(urls);
        if (state.Certificate is not null)
            builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxWhatIfBytes;
            if (state.Certificate is { } certificate)
                k.ConfigureHttpsDefaults(h => h.ServerCertificate = certificate);
        });
        // DNS rebinding: on loopback only the loopback names are accepted as Host.
        builder.Services.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o =>
            o.AllowedHosts = urls.All(IsLoopback) ? ["localhost", "127.0.0.1", "[::1]"] : ["*"]
        );
        configure?.Invoke(builder);
        var app = builder.Build();
        if (state.Proxies.Count > 0)
        {
            var forwarded = new ForwardedHeadersOptions
            {
                ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in state.Proxies)
                forwarded.KnownProxies.Add(proxy);
            app.UseForwardedHeaders(forwarded);
        }
        app.Use(
            (ctx, next) =>
            {
                // Set as the response starts, so an error page written after the headers were cleared has them too.
                ctx.Response.OnStarting(() =>
                {
                    foreach (var (name, value) in SecurityHeaders)
                        ctx.Response.Headers[name] = value;
                    return Task.CompletedTask;
                });
                return next(ctx);
            }
        );
        // Every text of a response in the reader's language: ?lang=, else the page's choice (the lang cookie), else
        // the browser's, else Spanish.
        app.Use(
            async (ctx, next) =>
            {
                var asked = ctx.Request.Query["lang"].FirstOrDefault() ?? ctx.Request.Cookies["lang"];
                using (Staffing.Domain.Language.Use(Language(asked, ctx.Request.Headers.AcceptLanguage.ToString())))
                    await next(ctx);
            }
        );
        app.UseHostFiltering();
        Access.Use(app, state.Users);
        var solvers = new SemaphoreSlim(WhatIfSolvers, WhatIfSolvers);
        var waiting = 0;
        // What a what-if costs that no time limit shortens (the rules, the greedy plan, the comparison), as last seen:
        // a request that cannot start within the 10 s less this gets 503 rather than an answer past its bound.
        var unavoidable = Math.Max(0.2, state.Plan.Seconds - state.Plan.Levels.Sum(l => l.Seconds));
        app.UseExceptionHandler(e =>
            e.Run(async ctx =>
            {
                var error = ctx.Features.Get<IExceptionHandlerFeature>()?.Error;
                ctx.Response.StatusCode = error is BadHttpRequestException bad
                    ? bad.StatusCode
                    : StatusCodes.Status500InternalServerError;
                await ctx.Response.WriteAsJsonAsync(
                    new ApiError(error is BadHttpRequestException b2 ? b2.Message : Texts.ApiInternal),
                    WebJson.Default.ApiError
                );
            })
        );
        app.MapOpenApi().RequireAuthorization(Access.Reader);
        Access.MapSession(app, state.Users, state.Workspace is not null);
        var centres = state.Scenario.Centres.OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        var served = new RunsApi.View(null, state.Scenario, state.Plan, state.Plan.Lines.ToLookup(l => l.Code));
        var views = new System.Collections.Concurrent.ConcurrentDictionary<long, RunsApi.View>();
        // The run a request names (?run=ID, serve --db), else the plan served; a run once read is kept (runs never change).
        RunsApi.View? ViewOf(long? run) =>
            run is not { } id ? served
            : views.TryGetValue(id, out var kept) ? kept
            : state.Workspace?.FindRun(id) is { ScenarioId: var sid } info && sid == state.ScenarioId
                ? RunsApi.ViewOf(state.Workspace, views, info)
            : null;

        app.MapGet(
                "/api/centres",
                (string? q) =>
                {
                    var needle = Fold(q ?? "");
                    var found = centres
                        .Where(c =>
                            needle.Length == 0
                            || Fold(c.Code).Contains(needle, StringComparison.Ordinal)
                            || Fold(c.Name).Contains(needle, StringComparison.Ordinal)
                            || Fold(c.Locality).Contains(needle, StringComparison.Ordinal)
                        )
                        .Take(50)
                        .Select(c => new CentreHit(c.Code, c.Name, c.Area, c.Locality, c.Kind));
                    return Results.Json(found, WebJson.Default.IEnumerableCentreHit);
                }
            )
            .RequireAuthorization(Access.Reader)
            .WithName("SearchCentres")
            .WithSummary("Search centres by code, name or locality (accents and case ignored); at most 50");

        app.MapGet(
                "/api/centres/{code}",
                (string code, long? run) =>
                {
                    if (ViewOf(run) is not { } view)
                        return RunsApi.NoRun(run!.Value);
                    if (view.Scenario.Find(code) is not { } c)
                        return Error(Say.Format(Texts.ApiNoCentre, code), StatusCodes.Status404NotFound);
                    var card = new CentreCard(
                        Documents.EntitlementSchema,
                        [Documents.Centre(view.Scenario.Policy, c, Explain.Wording)],
                        [
                            .. view.Lines[code]
                                .Select(l => new PlanRowEntry(
                                    l.Resource,
                                    l.Entitled,
                                    l.Allocated,
                                    l.Shortfall,
                                    l.Rules,
                                    l.Funding,
                                    Explain.Read(l.Reason)
                                )),
                        ],
                        [
                            .. view
                                .Plan.Itinerants.Where(t => t.Centres.Contains(code))
                                .Select(t => new ItinerantEntry(
                                    t.Id,
                                    t.Stage,
                                    string.Join(" ", t.Centres),
                                    string.Join("+", t.Days),
                                    t.FreeDays
                                )),
                        ]
                    );
                    return Results.Json(card, WebJson.Default.CentreCard);
                }
            )
            .RequireAuthorization(Access.Reader)
            .WithName("GetCentre")
            .WithSummary(
                "A centre's entitlement with the full trace (the schema of `staffing entitlement --format json`), its plan rows and itinerant teachers"
            );

        app.MapGet(
                "/api/areas",
                (long? run) =>
                    ViewOf(run) is not { } view
                        ? RunsApi.NoRun(run!.Value)
                        : Results.Json(
                            new AreasDocument(
                                view.Plan.Status,
                                [
                                    .. (run is null ? state.Totals : Totals.Of(view.Scenario, view.Plan.Lines)).Select(
                                        t => new AreaTotal(
                                            t.Area,
                                            t.Resource,
                                            t.Entitled,
                                            t.Allocated,
                                            t.Shortfall,
                                            t.Cost
                                        )
                                    ),
                                ],
                                [
                                    .. centres
                                        .Where(c => c.Lat is not null)
                                        .Select(c => new MapCentre(
                                            c.Code,
                                            c.Name,
                                            c.Area,
                                            c.Lat,
                                            c.Lon,
                                            c.Kind.TeachesPrimary() && c.PrimaryPupils > 0
                                                    ? Math.Round((double)c.PrimaryComp / c.PrimaryPupils, 3)
                                                : c.EsoPupils > 0 ? Math.Round((double)c.EsoComp / c.EsoPupils, 3)
                                                : 0,
                                            view.Lines[c.Code]
                                                .Where(l => l.Funding == Funding.Pool)
                                                .Sum(l => l.Shortfall),
                                            c.Locality
                                        )),
                                ]
                            ),
                            WebJson.Default.AreasDocument
                        )
            )
            .RequireAuthorization(Access.Reader)
            .WithName("Areas")
            .WithSummary(
                "Totals per area and resource (entitled, allocated, shortfall, cost) and the centres with coordinates"
            );

        app.MapGet(
                "/api/words",
                (HttpContext ctx, Microsoft.Extensions.Localization.IStringLocalizer<Words> words) =>
                {
                    // Before sign-in only the page's own labels (those of its sign-in form among them).
                    var signedIn = ctx.User.Identity?.IsAuthenticated == true;
                    var all = words
                        .GetAllStrings(includeParentCultures: true)
                        .Where(w => signedIn || w.Name.StartsWith("ui.", StringComparison.Ordinal))
                        .ToDictionary(w => w.Name, w => w.Value, StringComparer.Ordinal);
                    all["lang"] = Staffing.Domain.Language.Current;
                    return Results.Json(all, WebJson.Default.DictionaryStringString);
                }
            )
            .WithName("Words")
            .WithSummary(
                "The vocabulary in words (resource names, unit kinds, funding) in Spanish or English (?lang=es|en, else the browser's language)"
            );

        app.MapGet(
                "/api/parameters",
                () =>
                    Results.Json(
                        (IReadOnlyList<WhatIfParameter>)
                            [
                                .. WhatIfParameters
                                    .Select(n => PolicyLoader.Find(n))
                                    .OfType<Staffing.Domain.ParameterInfo>()
                                    .Select(p => new WhatIfParameter(
                                        p.Name,
                                        p.Unit,
                                        p.Source,
                                        p.Type,
                                        p.Min,
                                        p.Max,
                                        state.Scenario.Policy.Values.GetValueOrDefault(p.Name, p.DefaultJson),
                                        p.Name == "priority_threshold"
                                    )),
                                new WhatIfParameter(
                                    Variant.PoolScale,
                                    Texts.PoolScaleUnit,
                                    Texts.PoolScaleSource,
                                    "number",
                                    0,
                                    10,
                                    "1",
                                    false
                                ),
                            ],
                        WebJson.Default.IReadOnlyListWhatIfParameter
                    )
            )
            .RequireAuthorization(Access.Reader)
            .WithName("WhatIfParameters")
            .WithSummary(
                "The what-if panel's parameters: unit and legal source from policy.defaults.json, the served value"
            );

        app.MapGet(
                "/api/region",
                (long? run) =>
                    ViewOf(run) is not { } view
                        ? RunsApi.NoRun(run!.Value)
                        : Results.Json(Region(view), WebJson.Default.RegionDocument)
            )
            .RequireAuthorization(Access.Reader)
            .WithName("Region")
            .WithSummary(
                "The region's totals by unit kind (posts, EOEP days a week, itinerant shares), each area's, and every centre's with its name, locality and kind"
            );

        app.MapGet(
                "/api/eoep",
                (long? run) =>
                    ViewOf(run) is not { } view
                        ? RunsApi.NoRun(run!.Value)
                        : Results.Json(Eoep(view), WebJson.Default.EoepDocument)
            )
            .RequireAuthorization(Access.Reader)
            .WithName("EoepWeek")
            .WithSummary(
                "Each EOEP team's week: its people by weekday, each day the centre (with its name) or reserved"
            );

        app.MapPost(
                "/api/what-if",
                async (HttpRequest request, long? run) =>
                {
                    // The 10 s bound is the request's own, from its first byte read to its answer built.
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    // The base: the run the page shows (?run=ID with serve --db), else the plan served.
                    if (ViewOf(run) is not { } basis)
                        return RunsApi.NoRun(run!.Value);
                    // A JSON body only: a form or text/plain post from another site's page is refused unsolved.
                    if (!request.HasJsonContentType())
                        return Error(Texts.ApiJsonOnly, StatusCodes.Status415UnsupportedMediaType);
                    JsonDocument body;
                    try
                    {
                        body = await JsonDocument.ParseAsync(
                            request.Body,
                            cancellationToken: request.HttpContext.RequestAborted
                        );
                    }
                    catch (JsonException ex)
                    {
                        return Error(Malformed(ex), StatusCodes.Status400BadRequest);
                    }
                    using (body)
                    {
                        var root = body.RootElement;
                        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("policy", out var inner))
                            root = inner;
                        if (root.ValueKind != JsonValueKind.Object)
                            return Error(Texts.ApiWhatIfObject, StatusCodes.Status400BadRequest);
                        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                        try
                        {
                            foreach (var p in root.EnumerateObject())
                                if (!fields.TryAdd(p.Name, p.Value.Clone()))
                                    return Error(
                                        Say.Format(Texts.ApiKeyTwice, Safe(p.Name)),
                                        StatusCodes.Status400BadRequest
                                    );
                        }
                        catch (InvalidOperationException)
                        {
                            return Error(Texts.ApiNameNotUtf8, StatusCodes.Status400BadRequest);
                        }
                        Scenario variant;
                        try
                        {
                            variant = Variant.Of(basis.Scenario, fields, "what-if");
                        }
                        catch (InputException ex)
                        {
                            return Error(string.Join("\n", ex.Messages), StatusCodes.Status400BadRequest);
                        }
                        catch (InvalidOperationException)
                        {
                            return Error(Texts.ApiValueNotUtf8, StatusCodes.Status400BadRequest);
                        }
                        if (Interlocked.Increment(ref waiting) > WhatIfQueue + WhatIfSolvers)
                        {
                            Interlocked.Decrement(ref waiting);
                            return Busy(request);
                        }
                        // A client that goes away, or the server stopping, stops its solve.
                        using var gone = CancellationTokenSource.CreateLinkedTokenSource(
                            request.HttpContext.RequestAborted,
                            app.Lifetime.ApplicationStopping
                        );
                        var download = request.Query["format"] is [var format] && format is "csv" or "xlsx" ? format : null;
                        IReadOnlyList<AreaChange> areas;
                        IReadOnlyList<CentreChange> changed;
                        byte[]? answer;
                        try
                        {
                            var wait = TimeSpan.FromSeconds(Math.Max(0, WhatIfSeconds - 1.2 * Volatile.Read(ref unavoidable)));
                            if (!await solvers.WaitAsync(wait, gone.Token))
                                return Busy(request);
                            try
                            {
                                // A slot found too late to answer within the bound is given back at once.
                                if (WhatIfSeconds - clock.Elapsed.TotalSeconds < 1.2 * Volatile.Read(ref unavoidable))
                                    return Busy(request);
                                // The search gets what is left of the 10 s once the work no limit shortens (about
                                // half of it after the search: comparing, writing the answer) is set aside; all of
                                // it runs in the slot, so requests waiting their turn cost nothing.
                                var left = Math.Max(
                                    0.5,
                                    WhatIfSeconds - clock.Elapsed.TotalSeconds - 0.6 * Volatile.Read(ref unavoidable)
                                );
                                (areas, changed, answer) = await Task.Run(
                                    () =>
                                    {
                                        var started = System.Diagnostics.Stopwatch.StartNew();
                                        var p = state
                                            .Planner.Plan(variant, "cp-sat", new SolveSettings(left, Workers: 1, Cancel: gone.Token))
                                            .Plan;
                                        var (a, c) = Comparison.Compare(basis.Scenario, basis.Plan, variant, p);
                                        var json = download is null
                                            ? JsonSerializer.SerializeToUtf8Bytes(
                                                WhatIfAnswer(p, a, c, basis.Scenario, variant),
                                                WebJson.Default.WhatIfResult
                                            )
                                            : null;
                                        Volatile.Write(
                                            ref unavoidable,
                                            Math.Max(0.2, started.Elapsed.TotalSeconds - p.Levels.Sum(l => l.Seconds))
                                        );
                                        return (a, c, json);
                                    },
                                    gone.Token
                                );
                            }
                            finally
                            {
                                solvers.Release();
                            }
                        }
                        catch (OperationCanceledException)
                        {
                            return Error(Texts.ApiCancelled, 499);
                        }
                        catch (LockConflictException ex)
                        {
                            return Error(
                                Texts.ApiLocksConflict + string.Join("; ", ex.Conflicts.Select(Explain.Read)),
                                StatusCodes.Status422UnprocessableEntity
                            );
                        }
                        finally
                        {
                            Interlocked.Decrement(ref waiting);
                        }
                        if (download is not null)
                            return Download(areas, changed, basis.Scenario, variant, download);
                        return Results.Bytes(answer!, "application/json; charset=utf-8");
                    }
                }
            )
            .RequireAuthorization(Access.Reader)
            .WithName("WhatIf")
            .WithSummary(
                "Policy overrides in (as in policy.json, plus pool_scale), the comparison of `staffing compare` out; computed on request, at most 10 s of solving"
            );

        if (state.Workspace is not null)
            RunsApi.Map(app, state, new ReplanQueue(), views);

        var assembly = Assembly.GetExecutingAssembly();
        foreach (
            var (path, resource, type) in new[]
            {
                ("/", "wwwroot/index.html", "text/html; charset=utf-8"),
                ("/app.js", "wwwroot/app.js", "text/javascript; charset=utf-8"),
                ("/style.css", "wwwroot/style.css", "text/css; charset=utf-8"),
            }
        )
        {
            using var stream =
                assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException(resource + " is not embedded");
            using var reader = new StreamReader(stream);
            var content = reader.ReadToEnd();
            app.MapMethods(path, ["GET", "HEAD"], () => Results.Text(content, type)).ExcludeFromDescription();
        }
        app.MapFallback(
            (HttpContext ctx) => Error(Say.Format(Texts.ApiNoSuchPage, ctx.Request.Path), StatusCodes.Status404NotFound)
        );
        return app;
    }

    /// <summary>The interface language: the one asked for, else the browser's first if it is one of ours, else Spanish.</summary>
    public static string Language(string? asked, string acceptLanguage)
    {
        if (asked is not null && Staffing.Domain.Language.Supported.Contains(asked))
            return asked;
        return Staffing.Domain.Language.Of(acceptLanguage) ?? Staffing.Domain.Language.Spanish;
    }

    /// <summary>A field name as given when it looks like one, so no raw input is echoed.</summary>
    private static string Safe(string name) =>
        name.Length <= 40 && name.All(ch => char.IsAsciiLetterLower(ch) || ch == '_') ? name : Texts.ApiAField;

    public static IResult Error(string message, int status) =>
        Results.Json(new ApiError(message), WebJson.Default.ApiError, statusCode: status);

    /// <summary>
    /// A what-if's comparison as files: the workbook of compare's two tables, or compare-centres.csv as Spanish Excel
    /// opens it (';', decimal comma, BOM).
    /// </summary>
    private static IResult Download(
        IReadOnlyList<AreaChange> areas,
        IReadOnlyList<CentreChange> changed,
        Scenario baseScenario,
        Scenario variant,
        string format
    )
    {
        // Built from the comparison's tables in memory: nothing written to disk.
        var tables = TableFolder.InMemory();
        Reports.ComparisonTables.Write(tables, areas, changed, baseScenario, variant);
        using var file = new MemoryStream();
        if (format == "xlsx")
        {
            Reports.Tables.WriteWorkbook(tables.Tables, file);
            return Results.File(
                file.ToArray(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "what-if.xlsx"
            );
        }
        Reports.Tables.ExcelEs(tables.Tables.Single(t => t.File == "compare-centres.csv"), file);
        return Results.File(file.ToArray(), "text/csv; charset=utf-8", "what-if-centres.csv");
    }

    /// <summary>Pool lines summed by unit kind (Resource.Unit), in a stable order: posts, days a week, shares.</summary>
    private static List<UnitRow> Units(IEnumerable<PlanLine> lines, Policy policy) =>
        [
            .. lines
                .Where(l => l.Funding == Funding.Pool)
                .GroupBy(l => l.Resource.Unit())
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new UnitRow(
                    g.Key,
                    g.Sum(l => (long)l.Entitled),
                    g.Sum(l => (long)l.Allocated),
                    g.Sum(l => (long)l.Shortfall),
                    g.Sum(l => l.Allocated * policy.CostPerUnit(l.Resource))
                )),
        ];

    public static RegionDocument Region(RunsApi.View view)
    {
        var policy = view.Scenario.Policy;
        var area = view.Scenario.Centres.ToDictionary(c => c.Code, c => c.Area, StringComparer.Ordinal);
        return new RegionDocument(
            view.Plan.Status,
            Units(view.Plan.Lines, policy),
            [
                .. view
                    .Plan.Lines.GroupBy(l => area[l.Code])
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .SelectMany(g =>
                        Units(g, policy)
                            .Select(u => new AreaUnitRow(g.Key, u.Unit, u.Entitled, u.Allocated, u.Shortfall, u.Cost))
                    ),
            ],
            [
                .. view
                    .Scenario.Centres.OrderBy(c => c.Code, StringComparer.Ordinal)
                    .Select(c =>
                    {
                        var units = Units(view.Lines[c.Code], policy);
                        return new RegionCentre(
                            c.Code,
                            c.Name,
                            c.Area,
                            c.Locality,
                            c.Kind,
                            c.Ownership,
                            units,
                            units.Sum(u => u.Cost)
                        );
                    }),
            ]
        );
    }

    /// <summary>
    /// Every team's week with every person eoep.csv gives it (ids as in eoep-schedule.csv), each weekday a centre,
    /// reserved, or free; a team with no compensatory days this year still shows its people.
    /// </summary>
    public static EoepDocument Eoep(RunsApi.View view)
    {
        var teams = view.Scenario.Teams ?? [];
        var slots = (view.Plan.Schedule ?? []).ToLookup(s => s.Eoep);
        return new EoepDocument([
            .. teams
                .OrderBy(t => t.Code, StringComparer.Ordinal)
                .Select(t =>
                {
                    var byPerson = slots[t.Code].ToLookup(s => s.Person);
                    var roster = Enumerable
                        .Range(1, t.Psychopedagogues)
                        .Select(n => (Person: $"{t.Code}-psy-{n.ToString(CultureInfo.InvariantCulture)}", Role: "psychopedagogue"))
                        .Concat(
                            Enumerable
                                .Range(1, t.Ptsc)
                                .Select(n => (Person: $"{t.Code}-ptsc-{n.ToString(CultureInfo.InvariantCulture)}", Role: "ptsc"))
                        )
                        .Concat(slots[t.Code].Select(s => (s.Person, s.Role)))
                        .Distinct()
                        .ToList();
                    return new EoepTeamWeek(
                        t.Code,
                        t.Name,
                        t.Area,
                        [
                            .. roster.Select(p =>
                            {
                                var byDay = byPerson[p.Person].ToDictionary(s => s.Weekday);
                                return new EoepPersonWeek(
                                    p.Person,
                                    p.Role,
                                    [
                                        .. Vocabulary.Weekdays.Select(
                                            (w, i) =>
                                                byDay.TryGetValue(i, out var slot)
                                                    ? new EoepDay(
                                                        w,
                                                        slot.Centre,
                                                        slot.Centre is null ? null : view.Scenario.Find(slot.Centre)?.Name,
                                                        slot.Centre is null
                                                    )
                                                    : new EoepDay(w, null, null, false)
                                        ),
                                    ]
                                );
                            }),
                        ],
                        slots[t.Code].Count(s => s.Centre is not null)
                    );
                }),
        ]);
    }

    /// <summary>An area row of a comparison as the API gives it (what-if and diff).</summary>
    public static WhatIfArea AreaEntry(AreaChange a) =>
        new(
            a.Area,
            a.Resource,
            a.Base?.Entitled ?? 0,
            a.Variant?.Entitled ?? 0,
            a.Base?.Allocated ?? 0,
            a.Variant?.Allocated ?? 0,
            a.Base?.Cost ?? 0,
            a.Variant?.Cost ?? 0,
            a.DeltaCost,
            a.DeltaEntitledCost
        );

    private static WhatIfResult WhatIfAnswer(
        Plan plan,
        IReadOnlyList<AreaChange> areas,
        IReadOnlyList<CentreChange> changed,
        Scenario basis,
        Scenario variant
    ) =>
        new(
            plan.Status,
            [.. areas.Select(AreaEntry)],
            [
                .. changed.Select(c => new WhatIfCentre(
                    c.Code,
                    c.Resource,
                    c.BaseEntitled,
                    c.VariantEntitled,
                    c.BaseAllocated,
                    c.VariantAllocated,
                    Explain.Read(c.Reason),
                    (variant.Find(c.Code) ?? basis.Find(c.Code))?.Name ?? ""
                )),
            ]
        );

    /// <summary>503 with Retry-After: the what-if could not be answered within its bound.</summary>
    private static IResult Busy(HttpRequest request)
    {
        request.HttpContext.Response.Headers.RetryAfter = "5";
        return Error(Texts.ApiBusy, StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Where a body stopped being JSON, 1-based as an editor shows it.</summary>
    private static string Malformed(JsonException ex) =>
        Say.Format(Texts.ApiMalformedJson, (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1);

    /// <summary>A JSON body of the given type: 415 when it is not JSON, 400 when it does not parse.</summary>
    public static async Task<(T? Value, IResult? Error)> ReadBody<T>(
        HttpRequest request,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type
    )
        where T : class
    {
        if (!request.HasJsonContentType())
            return (null, Error(Texts.ApiJsonOnly, StatusCodes.Status415UnsupportedMediaType));
        try
        {
            return
                await JsonSerializer.DeserializeAsync(request.Body, type, request.HttpContext.RequestAborted) is { } v
                ? (v, null)
                : (null, Error(Texts.ApiJsonObject, StatusCodes.Status400BadRequest));
        }
        catch (JsonException ex)
        {
            return (
                null,
                Error(
                    Malformed(ex) + (ex.Path is { Length: > 1 } path ? $" ({path})" : ""),
                    StatusCodes.Status400BadRequest
                )
            );
        }
    }

    /// <summary>Lower case without accents, so "penalara" finds "Peñalara" (invariant globalization has no normalisation tables).</summary>
    public static string Fold(string s)
    {
        const string from = "áàäâãåéèëêíìïîóòöôõúùüûñçÁÀÄÂÃÅÉÈËÊÍÌÏÎÓÒÖÔÕÚÙÜÛÑÇ·";
        const string to = "aaaaaaeeeeiiiiooooouuuuncaaaaaaeeeeiiiiooooouuuunc.";
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            var i = from.IndexOf(ch);
            sb.Append(i >= 0 ? to[i] : char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }

    /// <summary>
    /// An IPv4 address written as IPv6 (http://[::ffff:127.0.0.1]:5210) as the IPv4 address it is: a socket cannot
    /// bind the mapped form.
    /// </summary>
    public static string Unmapped(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u)
        && System.Net.IPAddress.TryParse(u.Host.Trim('[', ']'), out var ip)
        && ip.IsIPv4MappedToIPv6
            ? $"{u.Scheme}://{ip.MapToIPv4()}:{u.Port.ToString(CultureInfo.InvariantCulture)}"
            : url;

    public static bool IsLoopback(string url) =>
        Uri.TryCreate(
            url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal),
            UriKind.Absolute,
            out var u
        )
        && (
            u.Host is "localhost"
            || (System.Net.IPAddress.TryParse(u.Host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip))
        );

    /// <summary>Why a --urls value cannot be served: http only, a host, a port from 1 to 65535; several split by ';'.</summary>
    public static string? UrlProblem(string text)
    {
        var parts = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
            return "--urls: found an empty value, expected http://HOST:PORT (several separated by ;)";
        foreach (var part in parts)
        {
            var shown = InputErrors.Quote(part);
            if (part.Contains(',', StringComparison.Ordinal))
                return $"--urls: found {shown}, expected addresses separated by ; (not ,)";
            var normal = part.Replace("*", "0.0.0.0", StringComparison.Ordinal)
                .Replace("+", "0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(normal, UriKind.Absolute, out var u) || u.Host.Length == 0)
                return $"--urls: found {shown}, expected http://HOST:PORT";
            if (u.Scheme is not ("http" or "https"))
                return $"--urls: found {shown}, expected http:// or https:// (with --cert)";
            if (u.Port is < 1 or > 65535 || u.AbsolutePath != "/" || u.Query.Length > 0)
                return $"--urls: found {shown}, expected http://HOST:PORT with a port from 1 to 65535 and no path";
        }
        return parts.Distinct(StringComparer.OrdinalIgnoreCase).Count() < parts.Length
            ? $"--urls: found {InputErrors.Quote(text)}, expected each address once"
            : null;
    }

    public static string Url(int port) => "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
}
