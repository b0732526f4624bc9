using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Web;

/// <summary>/api/words: the interface's words in the reader's language (before sign-in only the page's own labels).</summary>
internal static class WordsEndpoints
{
    public static void Map(WebApplication app) =>
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

}
