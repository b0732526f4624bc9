using Staffing.Solver;

namespace Staffing.Allocation;

/// <summary>
/// The reasons written into the contract's files in English (a plan's shortfalls, audit findings, what a what-if
/// changes, with the rules' figures they quote) read in the interface language.
/// </summary>
public static class Reasons
{
    // Built on the first translation only: a plan that is never read in Spanish compiles no pattern.
    private static readonly Lazy<Translation> Catalogue = new(() =>
        new((Texts.ResourceManager, "Reason"), (Say.DomainTexts, "Because"))
    );

    /// <summary>An English reason in the current UI culture; itself in English or when it matches no template.</summary>
    public static string Translate(string english) =>
        Language.Current == Language.English ? english : Catalogue.Value.Translate(english);

    /// <summary>A reason as the contract's files hold it, in English whatever the interface language.</summary>
    internal static string English(string key, params object?[] args) => Say.English(Texts.ResourceManager, key, args);

    /// <summary>"1 …" or "N …" in English: a count inside a reason.</summary>
    internal static string EnglishCount(int n, string one, string many) => English(n == 1 ? one : many, n);
}
