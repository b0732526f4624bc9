using System.Collections.Immutable;
using Google.OrTools.Sat;

namespace Staffing.Allocation;

public enum Sense
{
    Maximize,
    Minimize,
}

/// <summary>A level's objective in one component's model; empty when the component has no term of it.</summary>
public readonly record struct LevelObjective(LinearExpr Expression, bool Empty);

/// <summary>
/// One level of the lexicographic objective: how any allocator's decisions score on it, its expression in the
/// CP-SAT model, and, where one exists, a bound that settles it without a solve when the solution so far reaches
/// it. A level's optimum is kept for the levels after it: as a value, or (KeepEach) decision by decision.
/// </summary>
public sealed record Level(
    string Name,
    Sense Sense,
    Func<Scoring, long> Score,
    Func<ComponentModel, LevelObjective> Objective,
    Func<ComponentModel, CpSolver?, bool>? SettledByBound = null,
    Action<ComponentModel, CpSolver>? KeepEach = null
);

/// <summary>The levels, in order: both the solver loop and the plan's score read this array, so a level is one entry.</summary>
public static class Levels
{
    /// <summary>The level of re-plans only: reported when a parent run is given.</summary>
    public const string Stability = "stability";

    /// <summary>The levels a plan reports: the stability level only for a re-plan.</summary>
    public static IEnumerable<T> Reported<T>(IEnumerable<T> levels, Func<T, string> name, bool replan) =>
        levels.Where(l => replan || name(l) != Stability);

    public static readonly ImmutableArray<Level> All =
    [
        new(
            "coverage",
            Sense.Maximize,
            s => s.Pooled.Where(PlanScore.InCoverage).Sum(d => (long)s.Allocated(d)),
            m => m.Coverage,
            SettledByBound: (m, _) => m.CoverageSettled()
        ),
        new("fairness", Sense.Maximize, s => s.Fairness(), m => m.Fairness),
        new("secondary_ptsc", Sense.Maximize, s => s.SecondaryPtsc(), m => m.SecondaryPtsc),
        new("continuity", Sense.Minimize, s => s.Lost(), m => m.Continuity),
        // A re-plan (a parent run given) keeps what nobody asked to change: among the plans best so far, the one with
        // fewest allocations and itinerant pairs changed against the parent, before who pairs with whom is costed.
        new(Stability, Sense.Minimize, s => s.Changed(), m => m.Stability),
        // Who gets a share when teachers are short is a tie (every share is 0 or 1 of 1): settled by the tie order
        // before the pair cost says who goes with whom, and kept share by share.
        new(
            "itinerant_ties",
            Sense.Maximize,
            s => s.Pooled.Where(d => d.Resource.IsItinerant()).Sum(d => s.Allocated(d) * s.Weights[d]),
            m => m.Served,
            SettledByBound: (m, last) => m.TiesSettled(last),
            KeepEach: (m, solver) => m.KeepShares(solver)
        ),
        new(
            "pairs",
            Sense.Minimize,
            s => s.Decisions.Groups.Sum(g => PlanScore.GroupCost(s.Problem, g)),
            m => m.PairCost
        ),
        new(
            "tie_break",
            Sense.Maximize,
            s => s.Pooled.Where(d => !d.Resource.IsItinerant()).Sum(d => s.Allocated(d) * s.Weights[d]),
            m => m.TieBreak
        ),
    ];
}
