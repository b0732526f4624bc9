using System.Globalization;

namespace Staffing.Domain;

/// <summary>
/// Messages of a project's resource file filled in, the words in the current UI culture; explanations are worded by
/// <see cref="Wording"/>, figures for people by <see cref="Figures"/>.
/// </summary>
public static class Say
{
    /// <summary>A template of the current language filled in ("{0} of {1}").</summary>
    public static string Format(string template, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, template, args);

    /// <summary>"found {0}, expected {1}" in the current language, for a located message of another layer.</summary>
    public static string DomainFoundExpected => Texts.FoundExpected;

    /// <summary>"1 plaza" or "2 plazas": the count and the template for one or for many (each "{0} …").</summary>
    public static string Count(long n, string one, string many) => Format(n == 1 ? one : many, n);
}
