using System.Globalization;

namespace Staffing.Cli;

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
