using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Staffing.Cli.Reports;

/// <summary>A Razor component rendered to an HTML string, outside any web server (ASP.NET Core's HtmlRenderer).</summary>
internal static class HtmlTemplate
{
    /// <summary>Spanish letters as they are (í, ñ), not as character references: a smaller file, readable as text too.</summary>
    public static readonly System.Text.Encodings.Web.HtmlEncoder Encoder =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string Render<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(Encoder)
            .BuildServiceProvider();
        using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return renderer
            .Dispatcher.InvokeAsync(async () =>
                (
                    await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))
                ).ToHtmlString()
            )
            .GetAwaiter()
            .GetResult();
    }
}
