using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Web;

/// <summary>The page itself (embedded in the program: nothing is fetched from elsewhere) and 404 for anything else.</summary>
internal static class PageFiles
{
    public static void Map(WebApplication app)
    {
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
            (HttpContext ctx) => ServeApp.Error(Say.Format(Texts.ApiNoSuchPage, ctx.Request.Path), StatusCodes.Status404NotFound)
        );
    }
}
