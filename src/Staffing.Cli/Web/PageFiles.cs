using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Web;

/// <summary>The page itself (embedded in the program: nothing is fetched from elsewhere) and 404 for anything else.</summary>
internal static class PageFiles
{
    /// <summary>index.html at /, app.js and style.css, from the program's own resources (wwwroot.*).</summary>
    public static void Use(WebApplication app)
    {
        var files = new EmbeddedFileProvider(typeof(PageFiles).Assembly, "wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, DefaultFileNames = ["index.html"] });
        app.UseStaticFiles(
            new StaticFileOptions
            {
                FileProvider = files,
                // Only the page's three kinds, each saying its charset.
                ContentTypeProvider = new FileExtensionContentTypeProvider(
                    new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                    {
                        [".html"] = "text/html; charset=utf-8",
                        [".js"] = "text/javascript; charset=utf-8",
                        [".css"] = "text/css; charset=utf-8",
                    }
                ),
            }
        );
    }

    public static void Map(WebApplication app) =>
        app.MapFallback(
            (HttpContext ctx) => ServeApp.Error(Say.Format(Texts.ApiNoSuchPage, ctx.Request.Path), StatusCodes.Status404NotFound)
        );
}
