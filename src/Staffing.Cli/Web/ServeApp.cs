using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Staffing.Allocation;
using Staffing.Domain;
using Staffing.Io;
using Staffing.Rules;
using Staffing.WhatIf;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Web;

/// <summary>
/// `staffing serve`: the scenario and plan it was started with as a JSON API (OpenAPI at /openapi/v1.json) and a
/// static page for inspectors and planners; with a workspace, its runs (<see cref="RunsApi"/>). Nothing is fetched
/// from elsewhere.
/// </summary>
internal static class ServeApp
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
        Middleware.Use(app, state);
        app.MapOpenApi().RequireAuthorization(Access.Reader);
        Access.MapSession(app, state.Users, state.Workspace is not null);
        var views = new Views(state);
        CentresEndpoints.Map(app, views, state.Scenario);
        RegionEndpoints.Map(app, views, state);
        EoepEndpoints.Map(app, views);
        WordsEndpoints.Map(app);
        WhatIfEndpoints.Map(app, views, state);
        if (state.Workspace is not null)
            RunsApi.Map(app, state, new ReplanQueue(), views.Kept);
        PageFiles.Map(app);
        return app;
    }

    public static IResult Error(string message, int status) =>
        Results.Json(new ApiError(message), WebJson.Default.ApiError, statusCode: status);

    /// <summary>Where a body stopped being JSON, 1-based as an editor shows it.</summary>
    public static string Malformed(JsonException ex) =>
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
