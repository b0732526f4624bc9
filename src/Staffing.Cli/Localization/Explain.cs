using Staffing.Allocation;

namespace Staffing.Cli.Localization;

/// <summary>
/// The one wording of the interface: explanations (reasons, findings, the rules' figures, lock conflicts, the
/// verifier's findings) written for a person in the current language with the vocabulary's words, or for the
/// contract's files in English with codes.
/// </summary>
internal static class Explain
{
    public static Wording Wording { get; } = Reasons.Wording.WithWords(Words.Of);

    /// <summary>For the person reading, in the current interface language.</summary>
    public static string Read(Explanation e) => Wording.Read(e);

    /// <summary>For the contract's files: English, codes, invariant numbers.</summary>
    public static string Contract(Explanation e) => Wording.Contract(e);

    /// <summary>
    /// A moment the workspace stored ("2026-12-07T17:22:09Z", UTC) as the reader writes it, in the machine's local
    /// time: "7 dic 2026, 18:22"; a text that is no such moment as it is.
    /// </summary>
    public static string Moment(string stored) =>
        DateTimeOffset.TryParse(stored, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var when)
            ? Figures.Moment(when, Figures.Current, TimeZoneInfo.Local)
            : stored;

    /// <summary>Whether a value read back from a file or a workspace is one this program words.</summary>
    public static bool Knows(Explanation e) => Wording.Knows(e);
}
