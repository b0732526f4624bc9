using Staffing.Solver;

namespace Staffing.Allocation;

/// <summary>
/// The solver's explanations (a plan's shortfalls, audit findings, what a what-if changes, lock conflicts, the
/// verifier's findings) as values of the solver's templates, quoting the rules' figures of the domain's.
/// </summary>
public static class Reasons
{
    /// <summary>The solver's and the domain's templates, values in their codes; the interface adds its words.</summary>
    public static Wording Wording { get; } = Wording.Domain.With(Texts.ResourceManager);

    /// <summary>An explanation of the solver's template <paramref name="key"/>.</summary>
    internal static Explanation Of(string key, params object[] args) => Explanation.Of(key, args);

    /// <summary>"1 …" or "N …": a count inside a reason.</summary>
    internal static Explanation Count(int n, string one, string many) => Explanation.Count(n, one, many);
}
