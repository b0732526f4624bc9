using System.Globalization;
using System.Resources;

// The assembly is "staffing", its resources are named after the root namespace.
[assembly: Microsoft.Extensions.Localization.RootNamespace("Staffing.Cli")]

namespace Staffing.Cli;

/// <summary>
/// The words people read for the files' vocabulary (Resources/Words.resx, Words.es.resx): a resource name, a unit
/// kind, a funding, in the reader's language. The marker type of the page's localizer (IStringLocalizer&lt;Words&gt;);
/// the reports read the same words here.
/// </summary>
public sealed class Words
{
    private static readonly ResourceManager Resources = new("Staffing.Cli.Resources.Words", typeof(Words).Assembly);

    /// <summary>A word of the vocabulary in the current language (the key itself when it has none).</summary>
    public static string Of(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Of(Resource r) => Of(r.Name());

    public static string Of(Funding f) => Of(f.Name());

    /// <summary>A plan's status (OPTIMAL, FEASIBLE, ENTITLEMENT, as summary.json has it) as the reader says it.</summary>
    public static string Status(string status) => Resources.GetString("status." + status, CultureInfo.CurrentUICulture) ?? status;
}
