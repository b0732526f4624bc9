using System.Globalization;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Reports;

/// <summary>
/// A column of the contract's tables as people read it in the interface language: in English the column's own name
/// (what the CSV files say), in Spanish its words ("dotación" for entitled, "base: dotación" for base_entitled).
/// </summary>
internal static class Columns
{
    public static string Label(string column) => Label(column, Language.Current);

    /// <summary>The column as a reader of <paramref name="language"/> reads it.</summary>
    public static string Label(string column, string language)
    {
        if (language == Language.English)
            return column;
        var culture = Figures.Culture(language);
        (string Prefix, string Template)[] prefixes =
        [
            ("base_", Texts.ResourceManager.GetString(nameof(Texts.ColumnBase), culture)!),
            ("variant_", Texts.ResourceManager.GetString(nameof(Texts.ColumnVariant), culture)!),
            ("delta_", Texts.ResourceManager.GetString(nameof(Texts.ColumnDelta), culture)!),
        ];
        foreach (var (prefix, template) in prefixes)
            if (column.StartsWith(prefix, StringComparison.Ordinal) && WordsOf(column[prefix.Length..], culture) is { } rest)
                return Say.Format(template, rest);
        // centre_a, days_b: a group's members in order.
        var cut = column.LastIndexOf('_');
        if (cut > 0 && column.Length == cut + 2 && WordsOf(column[..(cut + 1)], culture) is { } member)
            return member + " " + column[(cut + 1)..];
        return WordsOf(column, culture) ?? column;
    }

    /// <summary>The column's words, from the one resource of the interface's words (the page's headers too).</summary>
    private static string? WordsOf(string column, CultureInfo culture) => Words.Find("col." + column, culture);
}
