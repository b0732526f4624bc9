using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Resources;

namespace Staffing.Domain;

/// <summary>
/// Writes <see cref="Explanation"/>s in words: <see cref="Contract"/> in English with the files' codes and invariant
/// numbers (the contract's CSV columns), <see cref="Read"/> in a reader's language with the vocabulary's words and
/// the reader's numbers. Templates are looked up in the catalogues in order; the vocabulary's words come from
/// <paramref name="words"/> (the interface's resource), the code when it has none.
/// </summary>
public sealed class Wording(ImmutableArray<ResourceManager> catalogues, Func<Enum, CultureInfo, string?> words)
{
    /// <summary>The domain's templates alone, values in their codes: for a layer that has no words of its own.</summary>
    public static Wording Domain { get; } = new([Texts.ResourceManager], (_, _) => null);

    /// <summary>This wording with another layer's templates searched first.</summary>
    public Wording With(ResourceManager catalogue) => new([catalogue, .. catalogues], words);

    /// <summary>This wording with the vocabulary's words of the interface.</summary>
    public Wording WithWords(Func<Enum, CultureInfo, string?> vocabulary) => new(catalogues, vocabulary);

    /// <summary>As the contract's files hold it: English templates, codes, invariant numbers.</summary>
    public string Contract(Explanation e) => Write(e, null);

    /// <summary>As a reader of <paramref name="language"/> reads it ("es", "en"): words and the reader's numbers.</summary>
    public string Read(Explanation e, string language) => Write(e, Figures.Culture(language));

    /// <summary>In the current interface language (the entry point's choice).</summary>
    public string Read(Explanation e) => Read(e, Language.Current);

    private string Write(Explanation e, CultureInfo? reader)
    {
        if (e.IsNone)
            return "";
        if (e.Key == Explanation.StoredKey)
            return (string)e.Args[0];
        if (e.Key is Explanation.ClausesKey or Explanation.ListKey)
            return string.Join(e.Key == Explanation.ListKey ? ", " : "; ", e.Args.Select(a => Write((Explanation)a, reader)));
        var args = e.Args.Select(a => (object?)Argument(a, reader)).ToArray();
        // A value read back from a file or a workspace that no template of this program fits (edited by hand, or
        // written by a later version) is shown as its key and arguments rather than refused.
        if (Template(e.Key, reader ?? CultureInfo.InvariantCulture) is not { } template || Placeholders(template) > args.Length)
            return e.Key + "(" + string.Join("; ", args) + ")";
        return string.Format(CultureInfo.InvariantCulture, template, args);
    }

    /// <summary>Whether every template the explanation uses is one of these catalogues' and gets its arguments.</summary>
    public bool Knows(Explanation e) =>
        e.IsNone
        || e.Key == Explanation.StoredKey
        || (
            (e.Key is Explanation.ClausesKey or Explanation.ListKey
                || Template(e.Key, CultureInfo.InvariantCulture) is { } t && Placeholders(t) <= e.Args.Length)
            && e.Args.All(a => a is not Explanation n || Knows(n))
        );

    private string? Template(string key, CultureInfo culture) =>
        templates.GetOrAdd(culture.Name, _ => Templates(culture)).GetValueOrDefault(key);

    /// <summary>Each culture's templates, read once: a large report words millions of explanations.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, FrozenDictionary<string, string>> templates =
        new(StringComparer.Ordinal);

    /// <summary>
    /// Every template of the catalogues in <paramref name="culture"/> as <see cref="ResourceManager.GetString(string, CultureInfo)"/>
    /// finds it (the culture, then its parents), the first catalogue's where two have the key.
    /// </summary>
    private FrozenDictionary<string, string> Templates(CultureInfo culture)
    {
        var chain = new List<CultureInfo>();
        for (var c = culture; ; c = c.Parent)
        {
            chain.Insert(0, c);
            if (c.Name.Length == 0)
                break;
        }
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var catalogue in catalogues.Reverse())
            foreach (var c in chain)
                if (catalogue.GetResourceSet(c, createIfNotExists: true, tryParents: false) is { } set)
                    foreach (System.Collections.DictionaryEntry entry in set)
                        if (entry.Value is string text)
                            all[(string)entry.Key] = text;
        return all.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>How many arguments a template reads: its highest "{n}" plus one.</summary>
    private static int Placeholders(string template)
    {
        var count = 0;
        for (var i = template.IndexOf('{'); i >= 0; i = template.IndexOf('{', i + 1))
        {
            var n = 0;
            var j = i + 1;
            for (; j < template.Length && char.IsAsciiDigit(template[j]); j++)
                n = n * 10 + (template[j] - '0');
            if (j > i + 1)
                count = Math.Max(count, n + 1);
        }
        return count;
    }

    private string Argument(object a, CultureInfo? reader) =>
        a switch
        {
            Explanation nested => Write(nested, reader),
            string name => name,
            long n => reader is null ? n.ToString(CultureInfo.InvariantCulture) : Figures.Count(n, reader),
            decimal d => reader is null ? d.ToString("0.##", CultureInfo.InvariantCulture) : Figures.Number(d, reader),
            Share s => reader is null ? s.Percent.ToString(s.Format, CultureInfo.InvariantCulture) + "%" : Figures.Percent(s, reader),
            Enum value => reader is not null && words(value, reader) is { } w ? w : Code(value),
            _ => throw new ArgumentException($"cannot word {a.GetType().Name}"),
        };

    /// <summary>A value of the vocabulary in the current reader's words (its code when it has none).</summary>
    public string Word(Enum value) => words(value, Figures.Current) ?? Code(value);

    /// <summary>A value of the vocabulary as the files write it.</summary>
    public static string Code(Enum value) =>
        value switch
        {
            Weekday d => Vocabulary.Weekdays[(int)d],
            Rounding r => r.ToString().ToLowerInvariant(),
            _ => Vocabulary.Text(value),
        };
}

/// <summary>
/// Numbers, shares and times as a reader writes them, the one formatter of every layer: Spanish "1.845.000",
/// "11,76", "25,5 %", "7 dic 2026, 18:22" (a four-digit whole number stays ungrouped, "1234", as Spanish style
/// writes it); English "1,845,000", "11.76", "25.5%", "7 Dec 2026, 18:22". The process runs with invariant
/// globalization (no ICU), so the conventions are the project's own, not the machine's.
/// </summary>
public static class Figures
{
    private static readonly NumberFormatInfo SpanishNumbers = NumberFormatInfo.ReadOnly(
        new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NegativeSign = "-" }
    );

    private static readonly NumberFormatInfo EnglishNumbers = NumberFormatInfo.ReadOnly(
        new NumberFormatInfo { NumberDecimalSeparator = ".", NumberGroupSeparator = ",", NegativeSign = "-" }
    );

    private static readonly string[] SpanishMonths = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"];

    private static readonly string[] EnglishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"];

    /// <summary>The culture whose resources a reader of the language reads ("es", "en").</summary>
    public static CultureInfo Culture(string language) =>
        CultureInfo.GetCultureInfo(language == Language.Spanish ? Language.Spanish : Language.English);

    public static CultureInfo Current => Culture(Language.Current);

    // By name: with invariant globalization every culture's own data is the invariant one.
    private static bool Spanish(CultureInfo reader) => Language.Of(reader.Name) == Language.Spanish;

    public static NumberFormatInfo Numbers(CultureInfo reader) => Spanish(reader) ? SpanishNumbers : EnglishNumbers;

    public static string Count(long n, CultureInfo reader) =>
        Spanish(reader) && n is > -10000 and < 10000 ? n.ToString(CultureInfo.InvariantCulture) : n.ToString("#,0", Numbers(reader));

    /// <summary>A figure with up to <paramref name="decimals"/> decimals.</summary>
    public static string Number(decimal d, CultureInfo reader, int decimals = 2) =>
        Spanish(reader) && Math.Abs(d) < 10000
            ? d.ToString("0." + new string('#', decimals), Numbers(reader))
            : d.ToString("#,0." + new string('#', decimals), Numbers(reader));

    public static string Number(double d, CultureInfo reader, int decimals = 2) =>
        Number((decimal)Math.Round(d, decimals, MidpointRounding.AwayFromZero), reader, decimals);

    public static string Percent(Share s, CultureInfo reader) =>
        s.Percent.ToString(s.Format, Numbers(reader)) + (Spanish(reader) ? " %" : "%");

    /// <summary>A moment in the reader's local time: "7 dic 2026, 18:22".</summary>
    public static string Moment(DateTimeOffset when, CultureInfo reader, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(when, zone);
        var month = (Spanish(reader) ? SpanishMonths : EnglishMonths)[local.Month - 1];
        return string.Create(CultureInfo.InvariantCulture, $"{local.Day} {month} {local.Year}, {local:HH:mm}");
    }
}
