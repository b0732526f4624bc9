using System.Globalization;
using System.Resources;

// The assembly is "staffing", its resources are named after the root namespace.
[assembly: Microsoft.Extensions.Localization.RootNamespace("Staffing.Cli")]

namespace Staffing.Cli.Localization;

/// <summary>
/// The words people read for the files' vocabulary (Resources/Localization/Words.resx, Words.es.resx): a resource name, a unit
/// kind, a funding, in the reader's language. The marker type of the page's localizer (IStringLocalizer&lt;Words&gt;);
/// the reports read the same words here.
/// </summary>
internal sealed class Words
{
    private static readonly ResourceManager Resources = new("Staffing.Cli.Resources.Localization.Words", typeof(Words).Assembly);

    /// <summary>A word of the vocabulary in the current language, or <paramref name="culture"/>'s (the key itself when it has none).</summary>
    public static string Of(string key, CultureInfo? culture = null) => Find(key, culture) ?? key;

    /// <summary>A word of the vocabulary in the current language, or <paramref name="culture"/>'s; null when it has none.</summary>
    public static string? Find(string key, CultureInfo? culture = null) =>
        Resources.GetString(key, culture ?? CultureInfo.CurrentUICulture);

    public static string Of(Resource r) => Of(Key(r));

    public static string Of(Funding f) => Of(Key(f));

    /// <summary>A weekday of the EOEP week (0 is monday).</summary>
    public static string Weekday(int day, CultureInfo? culture = null) => Of(Key((Weekday)day), culture);

    public static string Of(Stage s) => Of(Key(s));

    /// <summary>An EOEP person's role as eoep-schedule.csv writes it (psychopedagogue, ptsc).</summary>
    public static string Role(string role, CultureInfo? culture = null) => Of("ui.role." + role, culture);

    public static string YesNo(bool yes, CultureInfo? culture = null) => Of(yes ? "ui.yes" : "ui.no", culture);

    /// <summary>
    /// A value of the vocabulary in <paramref name="culture"/>'s words (a resource, stage, funding, weekday or
    /// rounding), null when it has none: the words an <see cref="Explanation"/> is written in.
    /// </summary>
    public static string? Of(Enum value, CultureInfo culture) => Find(Key(value), culture);

    /// <summary>The key of a value of the vocabulary in this resource ("" for a value it has no words for).</summary>
    private static string Key(Enum value) =>
        value switch
        {
            Resource r => r.Name(),
            Funding f => f.Name(),
            Stage s => "ui.stage." + s.Name(),
            Weekday d => "ui.weekday." + ((int)d).ToString(CultureInfo.InvariantCulture),
            Rounding o => "rounding." + Wording.Code(o),
            _ => "",
        };

    /// <summary>
    /// A resource as a person types it: its code, or its words in either language ("días de orientador del EOEP a la
    /// semana", "PTSC days a week (EOEP)"), case and surrounding spaces aside.
    /// </summary>
    public static bool TryParseResource(string text, out Resource resource)
    {
        if (Vocabulary.TryParseResource(text, out resource))
            return true;
        foreach (var language in Language.Supported)
            foreach (var r in Vocabulary.Resources)
                if (string.Equals(Of(r, Figures.Culture(language)), text.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    resource = r;
                    return true;
                }
        return false;
    }

    /// <summary>An indicator's flags ("low_support_hours;specific_group_not_viable") in words, "; " between them.</summary>
    public static string Flags(string flags) =>
        string.Join("; ", flags.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(f => Of("flag." + f)));

    /// <summary>A plan's status (OPTIMAL, FEASIBLE, ENTITLEMENT, as summary.json has it) as the reader says it.</summary>
    public static string Status(string status) => Resources.GetString("status." + status, CultureInfo.CurrentUICulture) ?? status;
}
