using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Web;

/// <summary>
/// Who may do what on the server. With no users file (loopback only) the one local user may do everything; with
/// one, people sign in (ASP.NET Core cookie authentication): inspectors read, planners also pin, re-plan and
/// adopt. Every change carries an antiforgery token. No cryptography of our own.
/// </summary>
internal static class Access
{
    public const string Reader = "reader";
    public const string Planning = "planning";
    public const string TokenHeader = "X-CSRF-TOKEN";

    public const string SignInLimit = "sign-in";

    /// <summary>Sign-in attempts an address may make in a minute; more get 429.</summary>
    public const int AttemptsPerMinute = 30;

    /// <remarks><paramref name="secure"/>: cookies go over HTTPS only (a certificate, or a proxy that forwards HTTPS).</remarks>
    public static void AddServices(IServiceCollection services, bool secure)
    {
        services.AddSingleton<Sessions>();
        services.AddSingleton(new SignInGuard(TimeProvider.System));
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(
                SignInLimit,
                ctx =>
                    System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                        ctx.Connection.RemoteIpAddress?.ToString() ?? "",
                        _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions
                        {
                            PermitLimit = AttemptsPerMinute,
                            Window = TimeSpan.FromMinutes(1),
                            QueueLimit = 0,
                        }
                    )
            );
            o.OnRejected = (ctx, _) =>
            {
                ctx.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                return new ValueTask(
                    ctx.HttpContext.Response.WriteAsJsonAsync(new ApiError(Texts.ApiTooManyAttempts), WebJson.Default.ApiError)
                );
            };
        });
        services
            .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "staffing-session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                // A session signed out (or from before a restart) is over, whatever cookie still carries it.
                o.Events.OnValidatePrincipal = async ctx =>
                {
                    var sessions = ctx.HttpContext.RequestServices.GetRequiredService<Sessions>();
                    if (!sessions.IsLive(ctx.Principal?.FindFirstValue(Sessions.Claim), ctx.Principal?.Identity?.Name))
                    {
                        ctx.RejectPrincipal();
                        await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;
                // An API: 401 and 403, never a redirect to a login page.
                o.Events.OnRedirectToLogin = ctx =>
                {
                    ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return ctx.Response.WriteAsJsonAsync(new ApiError(Texts.ApiSignInFirst), WebJson.Default.ApiError);
                };
                o.Events.OnRedirectToAccessDenied = ctx =>
                {
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return ctx.Response.WriteAsJsonAsync(
                        new ApiError(Texts.ApiPlannersOnly),
                        WebJson.Default.ApiError
                    );
                };
            });
        services.AddAuthorization(o =>
        {
            o.AddPolicy(Reader, p => p.RequireAuthenticatedUser());
            o.AddPolicy(Planning, p => p.RequireRole(Users.Planner));
        });
        services.AddAntiforgery(o =>
        {
            o.HeaderName = TokenHeader;
            o.Cookie.Name = "staffing-csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            // Our own X-Frame-Options (DENY) stands.
            o.SuppressXFrameOptionsHeader = true;
        });
    }

    /// <summary>The local user: the account running the server, a planner (loopback without a users file).</summary>
    public static ClaimsPrincipal Local() =>
        new(
            new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, Environment.UserName), new Claim(ClaimTypes.Role, Users.Planner)],
                "local"
            )
        );

    /// <summary>With people signing in, plain HTTP only from this machine (403 otherwise).</summary>
    public static void UseTransport(WebApplication app, Users? users)
    {
        if (users is not null)
            // Passwords and session cookies never cross the network in clear: beyond this machine, HTTPS only
            // (directly, or as a trusted proxy says it forwarded).
            app.Use(
                async (ctx, next) =>
                {
                    if (
                        !ctx.Request.IsHttps
                        && ctx.Connection.RemoteIpAddress is { } from
                        && !System.Net.IPAddress.IsLoopback(from.IsIPv4MappedToIPv6 ? from.MapToIPv4() : from)
                    )
                    {
                        ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                        await ctx.Response.WriteAsJsonAsync(new ApiError(Texts.ApiHttpsOnly), WebJson.Default.ApiError);
                        return;
                    }
                    await next(ctx);
                }
            );
    }

    /// <summary>Who asks, and what they may do: needs the route the request takes (after UseRouting).</summary>
    public static void UseIdentity(WebApplication app, Users? users)
    {
        app.UseRateLimiter();
        app.UseAuthentication();
        if (users is null)
            app.Use(
                (ctx, next) =>
                {
                    ctx.User = Local();
                    return next(ctx);
                }
            );
        app.UseAuthorization();
    }

    /// <summary>Refuses a change without the antiforgery token of the page (400).</summary>
    public static async ValueTask<object?> Antiforgery(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        var antiforgery = ctx.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
        try
        {
            await antiforgery.ValidateRequestAsync(ctx.HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Json(
                new ApiError(Say.Format(Texts.ApiAntiforgery, TokenHeader)),
                WebJson.Default.ApiError,
                statusCode: StatusCodes.Status400BadRequest
            );
        }
        return await next(ctx);
    }

    public static string Who(HttpContext ctx) => ctx.User.Identity?.Name ?? "unknown";

    public static void MapSession(WebApplication app, Users? users, bool workspace)
    {
        app.MapGet(
                "/api/session",
                (HttpContext ctx, IAntiforgery antiforgery) =>
                {
                    var tokens = antiforgery.GetAndStoreTokens(ctx);
                    var signedIn = ctx.User.Identity?.IsAuthenticated == true;
                    return Results.Json(
                        new SessionDocument(
                            signedIn ? Who(ctx) : null,
                            signedIn ? ctx.User.FindFirstValue(ClaimTypes.Role) : null,
                            users is not null,
                            signedIn && ctx.User.IsInRole(Users.Planner),
                            workspace,
                            tokens.RequestToken ?? ""
                        ),
                        WebJson.Default.SessionDocument
                    );
                }
            )
            .WithName("Session")
            .WithSummary(
                "Who is signed in, whether sign-in is required, and the antiforgery token every change must carry"
            );
        if (users is null)
            return;
        app.MapPost(
                "/api/sign-in",
                async (HttpContext ctx, SignInGuard guard, Sessions sessions) =>
                {
                    var body = await ServeApp.ReadBody(ctx.Request, WebJson.Default.SignInRequest);
                    if (body.Error is { } error)
                        return error;
                    var name = body.Value!.Name ?? "";
                    if (guard.Locked(name) is { } wait)
                    {
                        ctx.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(
                            System.Globalization.CultureInfo.InvariantCulture
                        );
                        return Results.Json(
                            new ApiError(Texts.ApiTooManyAttempts),
                            WebJson.Default.ApiError,
                            statusCode: StatusCodes.Status429TooManyRequests
                        );
                    }
                    var user = users.SignIn(name, body.Value.Password ?? "");
                    if (user is null)
                    {
                        guard.Failed(name);
                        return Results.Json(
                            new ApiError(Texts.ApiWrongPassword),
                            WebJson.Default.ApiError,
                            statusCode: StatusCodes.Status401Unauthorized
                        );
                    }
                    guard.Succeeded(name);
                    await ctx.SignInAsync(
                        CookieAuthenticationDefaults.AuthenticationScheme,
                        new ClaimsPrincipal(
                            new ClaimsIdentity(
                                [
                                    new Claim(ClaimTypes.Name, user.Name),
                                    new Claim(ClaimTypes.Role, user.Role),
                                    new Claim(Sessions.Claim, sessions.Open(user.Name)),
                                ],
                                CookieAuthenticationDefaults.AuthenticationScheme
                            )
                        )
                    );
                    return Results.Json(
                        new SessionDocument(user.Name, user.Role, true, user.Role == Users.Planner, workspace, ""),
                        WebJson.Default.SessionDocument
                    );
                }
            )
            .RequireRateLimiting(SignInLimit)
            .AddEndpointFilter(Antiforgery)
            .WithName("SignIn")
            .WithSummary(
                "Sign in with a name and password of the users file; then GET /api/session again for a fresh token"
            );
        app.MapPost(
                "/api/sign-out",
                async (HttpContext ctx, Sessions sessions) =>
                {
                    sessions.Close(ctx.User.FindFirstValue(Sessions.Claim));
                    await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    return Results.NoContent();
                }
            )
            .AddEndpointFilter(Antiforgery)
            .WithName("SignOut");
    }
}
