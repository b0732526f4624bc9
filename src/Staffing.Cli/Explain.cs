using Staffing.Allocation;

namespace Staffing.Cli;

/// <summary>
/// The one wording of the interface: explanations (reasons, findings, the rules' figures, lock conflicts, the
/// verifier's findings) written for a person in the current language with the vocabulary's words, or for the
/// contract's files in English with codes.
/// </summary>
public static class Explain
{
    public static Wording Wording { get; } = Reasons.Wording.WithWords(Words.Of);

    /// <summary>For the person reading, in the current interface language.</summary>
    public static string Read(Explanation e) => Wording.Read(e);

    /// <summary>For the contract's files: English, codes, invariant numbers.</summary>
    public static string Contract(Explanation e) => Wording.Contract(e);

    /// <summary>Whether a value read back from a file or a workspace is one this program words.</summary>
    public static bool Knows(Explanation e) => Wording.Knows(e);
}
