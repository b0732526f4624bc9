using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Staffing.Allocation;
using Staffing.Domain;
using Staffing.Io;
using Staffing.Rules;
using Staffing.WhatIf;

namespace Staffing.Cli.Web;

/// <summary>
/// `staffing serve`: the scenario and plan it was started with, read-only, as a JSON API (OpenAPI at
/// /openapi/v1.json) and a static page for inspectors and planners. Nothing is fetched from elsewhere.
/// </summary>
public static class ServeApp
{
    public const int MaxWhatIfBytes = 16 * 1024;
    public const double WhatIfSeconds = 10;

    public sealed record State(Scenario Scenario, Plan Plan, IReadOnlyList<Total> Totals, Planner Planner);

    public static WebApplication Build(State state, string[] urls, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddOpenApi();
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxWhatIfBytes);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseExceptionHandler(e =>
            e.Run(async ctx =>
            {
                var error = ctx.Features.Get<IExceptionHandlerFeature>()?.Error;
                ctx.Response.StatusCode = error is BadHttpRequestException bad
                    ? bad.StatusCode
                    : StatusCodes.Status500InternalServerError;
                await ctx.Response.WriteAsJsonAsync(
                    new ApiError(error is BadHttpRequestException b2 ? b2.Message : "internal error"),
                    WebJson.Default.ApiError
                );
            })
        );
        app.MapOpenApi();
        var centres = state.Scenario.Centres.OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        var lines = state.Plan.Lines.ToLookup(l => l.Code);

        app.MapGet(
                "/api/centres",
                (string? q) =>
                {
                    var needle = Fold(q ?? "");
                    var found = centres
                        .Where(c =>
                            needle.Length == 0
                            || c.Code.Contains(needle, StringComparison.Ordinal)
                            || Fold(c.Name).Contains(needle, StringComparison.Ordinal)
                            || Fold(c.Locality).Contains(needle, StringComparison.Ordinal)
                        )
                        .Take(50)
                        .Select(c => new CentreHit(c.Code, c.Name, c.Area, c.Locality, c.Kind));
                    return Results.Json(found, WebJson.Default.IEnumerableCentreHit);
                }
            )
            .WithName("SearchCentres")
            .WithSummary("Search centres by code, name or locality (accents and case ignored); at most 50");

        app.MapGet(
                "/api/centres/{code}",
                (string code) =>
                {
                    if (state.Scenario.Find(code) is not { } c)
                        return Error($"no centre with code {code}", StatusCodes.Status404NotFound);
                    var card = new CentreCard(
                        Documents.EntitlementSchema,
                        [Documents.Centre(state.Scenario.Policy, c)],
                        [
                            .. lines[code]
                                .Select(l => new PlanRowEntry(
                                    l.Resource,
                                    l.Entitled,
                                    l.Allocated,
                                    l.Shortfall,
                                    l.Rules,
                                    l.Funding,
                                    l.Reason
                                )),
                        ],
                        [
                            .. state
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
            .WithName("GetCentre")
            .WithSummary(
                "A centre's entitlement with the full trace (the schema of `staffing entitlement --format json`), its plan rows and itinerant teachers"
            );

        app.MapGet(
                "/api/areas",
                () =>
                    Results.Json(
                        new AreasDocument(
                            state.Plan.Status,
                            [
                                .. state.Totals.Select(t => new AreaTotal(
                                    t.Area,
                                    t.Resource,
                                    t.Entitled,
                                    t.Allocated,
                                    t.Shortfall,
                                    t.Cost
                                )),
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
                                        lines[c.Code].Where(l => l.Funding == Funding.Pool).Sum(l => l.Shortfall)
                                    )),
                            ]
                        ),
                        WebJson.Default.AreasDocument
                    )
            )
            .WithName("Areas")
            .WithSummary(
                "Totals per area and resource (entitled, allocated, shortfall, cost) and the centres with coordinates"
            );

        app.MapPost(
                "/api/what-if",
                async (HttpRequest request) =>
                {
                    JsonDocument body;
                    try
                    {
                        body = await JsonDocument.ParseAsync(request.Body);
                    }
                    catch (JsonException ex)
                    {
                        return Error("malformed JSON: " + ex.Message, StatusCodes.Status400BadRequest);
                    }
                    using (body)
                    {
                        var root = body.RootElement;
                        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("policy", out var inner))
                            root = inner;
                        if (root.ValueKind != JsonValueKind.Object)
                            return Error(
                                "expected a JSON object of policy overrides, e.g. {\"policy\": {\"primary_ratio\": 20}}",
                                StatusCodes.Status400BadRequest
                            );
                        Scenario variant;
                        try
                        {
                            variant = Variant.Of(
                                state.Scenario,
                                root.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
                                "what-if"
                            );
                        }
                        catch (InputException ex)
                        {
                            return Error(string.Join("\n", ex.Messages), StatusCodes.Status400BadRequest);
                        }
                        Plan plan;
                        try
                        {
                            plan = await Task.Run(
                                () => state.Planner.Plan(variant, "cp-sat", new SolveSettings(WhatIfSeconds)).Plan,
                                request.HttpContext.RequestAborted
                            );
                        }
                        catch (LockConflictException ex)
                        {
                            return Error(
                                "locks conflict: " + string.Join("; ", ex.Conflicts),
                                StatusCodes.Status422UnprocessableEntity
                            );
                        }
                        var (areas, changed) = Comparison.Compare(state.Scenario, state.Plan, variant, plan);
                        return Results.Json(
                            new WhatIfResult(
                                plan.Status,
                                [
                                    .. areas.Select(a => new WhatIfArea(
                                        a.Area,
                                        a.Resource,
                                        a.Base?.Entitled ?? 0,
                                        a.Variant?.Entitled ?? 0,
                                        a.Base?.Allocated ?? 0,
                                        a.Variant?.Allocated ?? 0,
                                        a.Base?.Cost ?? 0,
                                        a.Variant?.Cost ?? 0,
                                        a.DeltaCost
                                    )),
                                ],
                                [
                                    .. changed.Select(c => new WhatIfCentre(
                                        c.Code,
                                        c.Resource,
                                        c.BaseEntitled,
                                        c.VariantEntitled,
                                        c.BaseAllocated,
                                        c.VariantAllocated,
                                        c.Reason
                                    )),
                                ]
                            ),
                            WebJson.Default.WhatIfResult
                        );
                    }
                }
            )
            .WithName("WhatIf")
            .WithSummary(
                "Policy overrides in (as in policy.json, plus pool_scale), the comparison of `staffing compare` out; computed on request, at most 10 s of solving"
            );

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
            app.MapGet(path, () => Results.Text(content, type)).ExcludeFromDescription();
        }
        app.MapFallback(
            (HttpContext ctx) => Error($"no such page or API: {ctx.Request.Path}", StatusCodes.Status404NotFound)
        );
        return app;
    }

    private static IResult Error(string message, int status) =>
        Results.Json(new ApiError(message), WebJson.Default.ApiError, statusCode: status);

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

    public static string Url(int port) => "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
}
