using System.Diagnostics;
using Staffing.Domain;

namespace Staffing.Allocation;

/// <summary>Scenario in, plan out: the one path every command that plans goes through.</summary>
public sealed class Planner(IEnumerable<IAllocator> allocators)
{
    private readonly Dictionary<string, IAllocator> byName = allocators.ToDictionary(
        a => a.Name,
        StringComparer.OrdinalIgnoreCase
    );

    public IEnumerable<string> Names => byName.Keys.Order(StringComparer.Ordinal);

    public IAllocator Allocator(string name) =>
        byName.TryGetValue(name, out var a) ? a : throw new UnknownSolverException(name, [.. Names]);

    /// <summary>Plans the scenario; throws <see cref="LockConflictException"/> when the locks cannot all hold.</summary>
    public (AllocationProblem Problem, Plan Plan) Plan(Domain.Scenario scenario, string solver, SolveSettings settings)
    {
        var watch = Stopwatch.StartNew();
        // The input's hash needs nothing of the plan: taken on another core while the allocator works.
        var hash = Task.Run(() => ScenarioHash.Of(scenario), settings.Cancel);
        var (problem, result) = Allocate(scenario, solver, settings);
        // A search cut short by a signal is not a plan to write.
        settings.Cancel.ThrowIfCancellationRequested();
        return (problem, PlanBuilder.Build(problem, result, watch.Elapsed.TotalSeconds, hash.GetAwaiter().GetResult()));
    }

    /// <summary>The problem and the allocator's decisions; throws <see cref="LockConflictException"/> on conflicting locks.</summary>
    public (AllocationProblem Problem, AllocatorResult Result) Allocate(
        Domain.Scenario scenario,
        string solver,
        SolveSettings settings
    )
    {
        var allocator = Allocator(solver);
        var problem = new AllocationProblem(scenario);
        var conflicts = LockCheck.Conflicts(problem);
        if (conflicts.Count > 0)
            throw new LockConflictException(conflicts);
        return (problem, allocator.Allocate(problem, settings));
    }
}

/// <summary>A solver name no allocator answers to; the caller words it for its own interface.</summary>
public sealed class UnknownSolverException(string name, IReadOnlyList<string> known)
    : Exception($"unknown solver \"{name}\"")
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Known { get; } = known;
}
