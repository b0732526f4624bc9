using System.Globalization;

namespace Staffing.Io;

/// <summary>Typed, located access to the cells of one CSV row; every bad cell becomes an input error.</summary>
public sealed class RowReader(CsvTable table, CsvRow row, InputErrors errors)
{
    public const int MaxCount = 1_000_000;

    public int Line => row.Line;

    public bool Failed { get; private set; }

    /// <summary>The trimmed cell, or null when the column is absent or the cell empty ("not given").</summary>
    public string? Text(string column)
    {
        var i = table.Column(column);
        if (i < 0 || i >= row.Fields.Length)
            return null;
        var s = CsvFile.Unescape(row.Fields[i].Trim()).Trim();
        if (s.Contains('\0', StringComparison.Ordinal))
        {
            Error(column, Texts.FoundNul, Say.Format(Texts.ExpectedNoControl, column));
            return null;
        }
        return s.Length == 0 ? null : s;
    }

    public string Required(string column)
    {
        var s = Text(column);
        if (s is null)
            Error(column, Texts.FoundEmptyCell, Say.Format(Texts.ExpectedValue, column));
        return s ?? "";
    }

    public int? Int(string column, int min = 0, int max = MaxCount)
    {
        var s = Text(column);
        if (s is null)
            return null;
        if (
            int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            && v >= min
            && v <= max
        )
            return v;
        Error(column, InputErrors.Quote(s), Say.Format(Texts.ExpectedInteger, min, max, column));
        return null;
    }

    public bool? Bool(string column)
    {
        var s = Text(column);
        if (s is null)
            return null;
        switch (s.ToLowerInvariant())
        {
            case "true" or "1" or "yes" or "sí" or "si" or "verdadero":
                return true;
            case "false" or "0" or "no" or "falso":
                return false;
        }
        Error(column, InputErrors.Quote(s), Say.Format(Texts.ExpectedBoolean, column));
        return null;
    }

    public double? Decimal(string column, double min, double max)
    {
        var s = Text(column);
        if (s is null)
            return null;
        // A semicolon-separated file comes from a spreadsheet that writes decimal commas.
        var t = table.Delimiter == ';' ? s.Replace(',', '.') : s;
        if (
            double.TryParse(
                t,
                NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture,
                out var v
            )
            && v >= min
            && v <= max
        )
            return v;
        Error(column, InputErrors.Quote(s), Say.Format(Texts.ExpectedDecimal, min, max, column));
        return null;
    }

    public void Error(string column, string found, string expected)
    {
        Failed = true;
        var i = table.Column(column);
        errors.Add(table.File, row.Line, i < 0 ? 1 : i + 1, found, expected);
    }
}
