using System.Globalization;

namespace Staffing.Domain;

/// <summary>
/// The interface language, Spanish or English: what people read (help, messages, reasons, reports, charts, the page)
/// comes from each project's resource files (Resources/Texts.resx, Texts.es.resx) in the current UI culture. The
/// machine contract (file and column names, the values of the CSV outputs) is the same in both.
/// </summary>
public static class Language
{
    public const string Spanish = "es",
        English = "en";

    /// <summary>The languages the interface is written in; Spanish first, the default of the page.</summary>
    public static readonly IReadOnlyList<string> Supported = [Spanish, English];

    /// <summary>
    /// Spanish when the environment's locale is Spanish, else English, read as POSIX orders it: LC_ALL, then
    /// LC_MESSAGES, then LANG (the first one set and not empty decides).
    /// </summary>
    public static string FromEnvironment(Func<string, string?> variable)
    {
        foreach (var name in (string[])["LC_ALL", "LC_MESSAGES", "LANG"])
            if (variable(name) is { Length: > 0 } value)
                return value.StartsWith("es", StringComparison.OrdinalIgnoreCase) ? Spanish : English;
        return English;
    }

    /// <summary>A language code of ours from a tag such as "es-ES" or "en-GB,en;q=0.9", or null.</summary>
    public static string? Of(string? tag)
    {
        var first = (tag ?? "").Split(',')[0].Trim();
        if (first.Length < 2)
            return null;
        var code = first[..2].ToLowerInvariant();
        return Supported.Contains(code) && (first.Length == 2 || first[2] is '-' or '_') ? code : null;
    }

    /// <summary>The language of the texts being written now (the current UI culture's), English when it is none of ours.</summary>
    public static string Current => Of(CultureInfo.CurrentUICulture.Name) ?? English;

    /// <summary>
    /// Makes <paramref name="language"/> the current UI culture until disposed, then puts the previous one back. The
    /// culture flows with the execution context, so parallel work started inside the scope writes in it too.
    /// </summary>
    public static IDisposable Use(string language) => new Scope(CultureInfo.CurrentUICulture, CultureInfo.GetCultureInfo(language));

    private sealed class Scope : IDisposable
    {
        private readonly CultureInfo previous;

        public Scope(CultureInfo previous, CultureInfo next)
        {
            this.previous = previous;
            CultureInfo.CurrentUICulture = next;
        }

        public void Dispose() => CultureInfo.CurrentUICulture = previous;
    }
}
