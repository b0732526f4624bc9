using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Staffing.Cli.Web;

/// <summary>
/// Who may do what on the server. With no users file (loopback only) the one local user may do everything; with
/// one, people sign in (ASP.NET Core cookie authentication): inspectors read, planners also pin, re-plan and
/// adopt. Every change carries an antiforgery token. No cryptography of our own.
/// </summary>
public static class Access
{
    public const string Reader = "reader";
    public const string Planning = "planning";
    public const string TokenHeader = "X-CSRF-TOKEN";

    public static void AddServices(IServiceCollection services)
    {
        services
            .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "staffing-session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
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

    public static void Use(WebApplication app, Users? users)
    {
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
                async (HttpContext ctx) =>
                {
                    var body = await ServeApp.ReadBody(ctx.Request, WebJson.Default.SignInRequest);
                    if (body.Error is { } error)
                        return error;
                    var user = users.SignIn(body.Value!.Name ?? "", body.Value.Password ?? "");
                    if (user is null)
                        return Results.Json(
                            new ApiError(Texts.ApiWrongPassword),
                            WebJson.Default.ApiError,
                            statusCode: StatusCodes.Status401Unauthorized
                        );
                    await ctx.SignInAsync(
                        CookieAuthenticationDefaults.AuthenticationScheme,
                        new ClaimsPrincipal(
                            new ClaimsIdentity(
                                [new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role)],
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
            .AddEndpointFilter(Antiforgery)
            .WithName("SignIn")
            .WithSummary(
                "Sign in with a name and password of the users file; then GET /api/session again for a fresh token"
            );
        app.MapPost(
                "/api/sign-out",
                async (HttpContext ctx) =>
                {
                    await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    return Results.NoContent();
                }
            )
            .AddEndpointFilter(Antiforgery)
            .WithName("SignOut");
    }
}
