using System.Globalization;

namespace Staffing.Cli.Reports;

/// <summary>
/// A column of the contract's tables as people read it in the interface language: in English the column's own name
/// (what the CSV files say), in Spanish its words ("dotación" for entitled, "base: dotación" for base_entitled).
/// </summary>
public static class Columns
{
    public static string Label(string column)
    {
        if (Language.Current == Language.English)
            return column;
        (string Prefix, string Template)[] prefixes =
        [
            ("base_", Texts.ColumnBase),
            ("variant_", Texts.ColumnVariant),
            ("delta_", Texts.ColumnDelta),
        ];
        foreach (var (prefix, template) in prefixes)
            if (column.StartsWith(prefix, StringComparison.Ordinal) && Words(column[prefix.Length..]) is { } rest)
                return Say.Format(template, rest);
        // centre_a, days_b: a group's members in order.
        var cut = column.LastIndexOf('_');
        if (cut > 0 && column.Length == cut + 2 && Words(column[..(cut + 1)]) is { } member)
            return member + " " + column[(cut + 1)..];
        return Words(column) ?? column;
    }

    private static string? Words(string column) =>
        Texts.ResourceManager.GetString("Column_" + column, CultureInfo.CurrentUICulture);
}
