using System.Globalization;

namespace Staffing.Cli.Reports;

/// <summary>
/// A column of the contract's tables as people read it in the interface language: in English the column's own name
/// (what the CSV files say), in Spanish its words ("dotación" for entitled, "base: dotación" for base_entitled).
/// </summary>
public static class Columns
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

    /// <summary>
    /// Whether a column of the contract's tables holds numbers: only these become number cells or get the decimal
    /// comma. Every other column (codes, names, areas, reasons, any column not named here) stays text as written,
    /// so "08002944" keeps its zero and a name "1.5" its point.
    /// </summary>
    public static bool IsNumeric(string column) => Numeric.IsMatch(column);

    private static readonly System.Text.RegularExpressions.Regex Numeric = new(
        """
        ^(?:entitled|allocated|shortfall|held|difference|over_staffed|under_staffed|not_given|not_given_entitled
        |centres|pupils|compensatory|groups_needed|support_hours_per_pupil|specific_groups|ace_pupils|ace_groups
        |free_days|km|value|cost|amount|isolation|exposure|gini|coverage_gini|above_priority_line|posts_per_100
        |eoep_days_per_100|sector_dissimilarity|dissimilarity|dissimilarity_low|dissimilarity_high
        |(?:public|concertado)_(?:share_compensatory|share_pupils|ratio)
        |(?:base|variant|delta)_\w+|days_[a-z]|(?:need|shortfall)_p\d+|p_\w+|objective|bound|gap|seconds)$
        """,
        System.Text.RegularExpressions.RegexOptions.IgnorePatternWhitespace
            | System.Text.RegularExpressions.RegexOptions.CultureInvariant
    );

    /// <summary>The column's words, from the one resource of the interface's words (the page's headers too).</summary>
    private static string? WordsOf(string column, CultureInfo culture) => Words.Find("col." + column, culture);
}
