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
}
