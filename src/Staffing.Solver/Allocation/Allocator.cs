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
    private Dictionary<(string, Resource), int>? lookup;

    // A hash lookup beside the sorted map: amounts are asked for every demand, often many times.
    public int Of(string code, Resource r) => (lookup ??= new(Allocated, TupleComparer)).GetValueOrDefault((code, r));

    private static readonly IEqualityComparer<(string, Resource)> TupleComparer = EqualityComparer<(
        string,
        Resource
    )>.Default;

    /// <summary>What the decisions give a demand: an agreement's in full, a share 1 when grouped, else units.</summary>
    public int Amount(Demand d)
    {
        if (d.Funding == Funding.Agreement)
            return d.Entitled;
        if (!d.Resource.IsItinerant())
            return Of(d.Code, d.Resource);
        return Grouped(d.Code, d.Resource.StageOf()) ? 1 : 0;
    }

    /// <summary>Whether the centre is in one of the groups of the stage.</summary>
    public bool Grouped(string code, Stage stage) =>
        (paired ??= [.. Groups.SelectMany(g => g.Codes.Select(c => (c, g.Stage)))]).Contains((code, stage));

    private ILookup<(string, Stage), ItinerantGroup>? byAreaStage;

    /// <summary>The groups of one area and stage, in the decisions' order.</summary>
    public IEnumerable<ItinerantGroup> GroupsOf(string area, Stage stage) =>
        (byAreaStage ??= Groups.ToLookup(g => (g.Area, g.Stage)))[(area, stage)];

    /// <summary>A stored plan's decisions (pool posts and days, its itinerant groups), e.g. as the next solve's hint.</summary>
    public static Decisions Of(Plan plan) =>
        new(
            plan.Lines.Where(l => l.Funding == Funding.Pool && !l.Resource.IsItinerant() && l.Allocated > 0)
                .ToImmutableSortedDictionary(l => (l.Code, l.Resource), l => l.Allocated, GreedyAllocator.KeyComparer),
            [.. plan.Itinerants.Select(t => new ItinerantGroup(t.Area, t.Stage, t.Centres))]
        );

    /// <summary>Whether these decisions meet every lock of the problem (then, from the same scenario, they are a plan of it).</summary>
    public bool Honours(AllocationProblem problem)
    {
        foreach (var h in problem.Locks)
        {
            if (!h.Resource.IsItinerant())
            {
                if (problem.Find(h.Code, h.Resource) is { Funding: Funding.Pool } && Of(h.Code, h.Resource) != h.Amount)
                    return false;
                continue;
            }
            var group = Groups.FirstOrDefault(g => g.Stage == h.Resource.StageOf() && g.Codes.Contains(h.Code));
            var together = h.Partner is { } p && group is not null && group.Codes.Contains(p);
            var holds = (h.Amount, h.Partner) switch
            {
                (1, null) => group is not null,
                (1, _) => together,
                (_, null) => group is null,
                _ => !together,
            };
            if (!holds)
                return false;
        }
        return true;
    }
}

/// <remarks>
/// <paramref name="Cancel"/> stops every search at once; the planner then throws, so nothing is written.
/// <paramref name="Hint"/>: a plan of the same scenario (e.g. the run a re-plan comes from) to start CP-SAT from,
/// taken only when it meets every lock; otherwise the greedy plan is the start.
/// <paramref name="TotalsOnly"/>: only the amounts will be read (Monte Carlo runs), not who shares a teacher with
/// whom nor the levels' scores; the greedy allocator then skips the pair search and the scoring.
/// </remarks>
public sealed record SolveSettings(
    double TimeLimitSeconds = 60,
    int Workers = 1,
    int Seed = 0,
    IProgress<string>? Progress = null,
    CancellationToken Cancel = default,
    double SpentSeconds = 0,
    Decisions? Hint = null,
    bool TotalsOnly = false,
    Decisions? Parent = null
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
