using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Web;

/// <summary>
/// What every request goes through, in order: forwarded headers from trusted proxies, the security headers, the
/// reader's language, host filtering, HTTPS beyond this machine, the page's files, sign-in, and errors answered as JSON.
/// </summary>
internal static class Middleware
{
    /// <summary>
    /// Every text of a response in the reader's language: ?lang=, else the page's choice (the lang cookie: "es" or
    /// "en"), else the browser's, else Spanish.
    /// </summary>
    private static RequestLocalizationOptions Localization()
    {
        var cultures = Language.Supported.Select(CultureInfo.GetCultureInfo).ToList();
        return new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Language.Spanish),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CustomRequestCultureProvider(ctx =>
                    Task.FromResult(ctx.Request.Cookies["lang"] is { } lang ? new ProviderCultureResult(lang) : null)
                ),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ],
        };
    }

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
        app.UseRequestLocalization(Localization());
        app.UseHostFiltering();
        Access.UseTransport(app, state.Users);
        // The page's own files need no identity; what follows needs the route the request takes.
        PageFiles.Use(app);
        app.UseRouting();
        Access.UseIdentity(app, state.Users);
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
