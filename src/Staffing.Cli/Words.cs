using System.Globalization;
using System.Resources;

// The assembly is "staffing", its resources are named after the root namespace.
[assembly: Microsoft.Extensions.Localization.RootNamespace("Staffing.Cli")]

namespace Staffing.Cli;

/// <summary>
/// The words people read for the files' vocabulary (Resources/Words.resx, Words.es.resx): a resource name, a unit
/// kind, a funding, in the reader's language. The marker type of the page's localizer (IStringLocalizer&lt;Words&gt;);
/// the reports read the same words here.
/// </summary>
public sealed class Words
{
    private static readonly ResourceManager Resources = new("Staffing.Cli.Resources.Words", typeof(Words).Assembly);

    /// <summary>A word of the vocabulary in the current language (the key itself when it has none).</summary>
    public static string Of(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Of(Resource r) => Of(r.Name());

    public static string Of(Funding f) => Of(f.Name());
}

/// <summary>Numbers as the reader writes them: 1,845,000.5 in English, 1.845.000,5 in Spanish.</summary>
public static class Numerals
{
    private static readonly NumberFormatInfo Spanish = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        PercentDecimalSeparator = ",",
        PercentGroupSeparator = ".",
    };

    private static NumberFormatInfo Current =>
        Language.Current == Language.Spanish ? Spanish : NumberFormatInfo.InvariantInfo;

    public static string Format(IFormattable? value, string format) => value?.ToString(format, Current) ?? "";

    /// <summary>Euros without cents, grouped ("1.845.000 €").</summary>
    public static string Euros(decimal value) => Format(value, "N0") + " €";
}
