// The assembly is "staffing", its resources are named after the root namespace.
[assembly: Microsoft.Extensions.Localization.RootNamespace("Staffing.Cli")]

namespace Staffing.Cli;

/// <summary>
/// The words people read for the files' vocabulary (Resources/Words.resx, Words.es.resx): a resource name, a unit
/// kind, a funding, in the reader's language. The marker type of the localizer (IStringLocalizer&lt;Words&gt;).
/// </summary>
public sealed class Words
{
    /// <summary>The languages the interface is written in; the first is the default for a Spanish reader.</summary>
    public static readonly IReadOnlyList<string> Languages = ["es", "en"];
}
