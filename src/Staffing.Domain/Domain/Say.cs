using System.Globalization;
using System.Resources;

namespace Staffing.Domain;

/// <summary>
/// Texts of a project's resource file filled in: numbers in the invariant culture (the files' own), the words in
/// the current UI culture, or in English for the values of the contract's CSV files.
/// </summary>
public static class Say
{
    /// <summary>A template of the current language filled in ("{0} of {1}").</summary>
    public static string Format(string template, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, template, args);

    /// <summary>A text in English whatever the interface language: a value of the contract's CSV files.</summary>
    public static string English(ResourceManager texts, string key, params object?[] args) =>
        Format(texts.GetString(key, CultureInfo.InvariantCulture) ?? key, args);

    /// <summary>"found {0}, expected {1}" in the current language, for a located message of another layer.</summary>
    public static string DomainFoundExpected => Texts.FoundExpected;

    /// <summary>A figure with up to two decimals as the reader writes it: 11.76 in English, 11,76 in Spanish.</summary>
    public static string Decimal(decimal d)
    {
        var text = d.ToString("0.##", CultureInfo.InvariantCulture);
        return Language.Current == Language.Spanish ? text.Replace('.', ',') : text;
    }

    /// <summary>"1 plaza" or "2 plazas": the count and the template for one or for many (each "{0} …").</summary>
    public static string Count(long n, string one, string many) => Format(n == 1 ? one : many, n);
}
