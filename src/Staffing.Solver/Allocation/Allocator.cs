using System.Collections.Immutable;
using Staffing.Domain;

namespace Staffing.Allocation;

public sealed record ItinerantGroup(string Area, Stage Stage, ImmutableArray<string> Codes);

/// <summary>What an allocator decides: units per (centre, resource), and the itinerant groups.</summary>
public sealed record Decisions(
    ImmutableSortedDictionary<(string Code, Resource Resource), int> Allocated,
    ImmutableArray<ItinerantGroup> Groups
)
{
    private HashSet<(string, Stage)>? paired;

    public int Of(string code, Resource r) => Allocated.GetValueOrDefault((code, r));

    /// <summary>What the decisions give a demand: an agreement's in full, a share 1 when grouped, else units.</summary>
    public int Amount(Demand d)
    {
        if (d.Funding == Funding.Agreement)
            return d.Entitled;
        if (!d.Resource.IsItinerant())
            return Of(d.Code, d.Resource);
        paired ??= [.. Groups.SelectMany(g => g.Codes.Select(c => (c, g.Stage)))];
        return paired.Contains((d.Code, d.Resource.StageOf())) ? 1 : 0;
    }
}

/// <remarks><paramref name="Cancel"/> stops every search at once; the planner then throws, so nothing is written.</remarks>
public sealed record SolveSettings(
    double TimeLimitSeconds = 60,
    int Workers = 1,
    int Seed = 0,
    IProgress<string>? Progress = null,
    CancellationToken Cancel = default,
    double SpentSeconds = 0
)
{
    /// <summary>Seconds left of the command's wall-clock limit, for the searches (what ran before them counted).</summary>
    public double LeftSeconds(System.Diagnostics.Stopwatch since) =>
        TimeLimitSeconds - SpentSeconds - since.Elapsed.TotalSeconds;
}

/// <summary>Shares scarce pools out. Every allocator answers the same problem with the same kind of decisions.</summary>
public interface IAllocator
{
    string Name { get; }

    AllocatorResult Allocate(AllocationProblem problem, SolveSettings settings);
}

public sealed record AllocatorResult(
    Decisions Decisions,
    bool Proven,
    SolverInfo Solver,
    ImmutableArray<LevelResult> Levels
);
