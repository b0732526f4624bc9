using System.Globalization;
using System.Text.RegularExpressions;

namespace Staffing.Domain;

/// <summary>
/// A number as a person types it, in Spanish or English: "0,9" and "0.9" are 0.9, "1.234,5" and "1,234.5" are
/// 1234.5. A value that could be read two ways ("1,000": one, or a thousand) is refused naming both readings,
/// never read as either in silence. The page's script reads typed numbers by the same rules.
/// </summary>
public static partial class TypedNumber
{
    /// <summary>The number, or null with <paramref name="problem"/> saying why (not a number, or two readings).</summary>
    public static decimal? Read(string text, out string? problem)
    {
        problem = null;
        var t = text.Trim();
        if (!Shape().IsMatch(t))
        {
            problem = Texts.TypedNotANumber;
            return null;
        }
        var sign = t[0] is '-' ? -1m : 1m;
        var body = t.TrimStart('-', '+');
        var dot = body.Count(ch => ch == '.');
        var comma = body.Count(ch => ch == ',');
        if (dot > 0 && comma > 0)
        {
            // Both: the last is the decimal mark, the other groups thousands.
            var mark = body.LastIndexOf('.') > body.LastIndexOf(',') ? '.' : ',';
            var group = mark == '.' ? ',' : '.';
            var cut = body.LastIndexOf(mark);
            if (body[(cut + 1)..].Contains(group) || body.Count(ch => ch == mark) > 1 || !Grouped(body[..cut], group))
            {
                problem = Texts.TypedNotANumber;
                return null;
            }
            return sign * Parse(body[..cut].Replace(group.ToString(), "") + "." + body[(cut + 1)..]);
        }
        if (dot + comma == 0)
            return sign * Parse(body);
        var separator = dot > 0 ? '.' : ',';
        if (dot + comma > 1)
        {
            if (Grouped(body, separator))
                return sign * Parse(body.Replace(separator.ToString(), ""));
            problem = Texts.TypedNotANumber;
            return null;
        }
        var at = body.IndexOf(separator);
        var whole = body[..at];
        var fraction = body[(at + 1)..];
        // "1,000" or "25.000": a decimal mark, or a thousands separator; neither reading is taken.
        if (fraction.Length == 3 && whole.Length is >= 1 and <= 3 && whole[0] != '0')
        {
            problem = Say.Format(
                Texts.TypedTwoReadings,
                Shown(sign * Parse(whole + "." + fraction)),
                Shown(sign * Parse(whole + fraction))
            );
            return null;
        }
        return sign * Parse((whole.Length == 0 ? "0" : whole) + "." + fraction);
    }

    /// <summary>A reading as the reader writes it (1,5 in Spanish, 1.5 in English).</summary>
    private static string Shown(decimal d)
    {
        var text = d.ToString("0.###", CultureInfo.InvariantCulture);
        return Language.Current == Language.Spanish ? text.Replace('.', ',') : text;
    }

    private static bool Grouped(string digits, char group)
    {
        var parts = digits.Split(group);
        return parts[0].Length is >= 1 and <= 3 && parts.Skip(1).All(p => p.Length == 3);
    }

    private static decimal Parse(string plain) =>
        decimal.Parse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[-+]?(\d[\d.,]*\d|\d|[.,]\d+)$")]
    private static partial Regex Shape();
}
