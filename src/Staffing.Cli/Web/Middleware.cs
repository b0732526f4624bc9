using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Web;

/// <summary>
/// What every request goes through, in order: forwarded headers from trusted proxies, the security headers, the
/// reader's language, host filtering, sign-in, and errors answered as JSON.
/// </summary>
internal static class Middleware
{
    public static void Use(WebApplication app, ServeApp.State state)
    {
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
                    foreach (var (name, value) in ServeApp.SecurityHeaders)
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
                using (Staffing.Domain.Language.Use(ServeApp.Language(asked, ctx.Request.Headers.AcceptLanguage.ToString())))
                    await next(ctx);
            }
        );
        app.UseHostFiltering();
        Access.Use(app, state.Users);
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
    }
}
