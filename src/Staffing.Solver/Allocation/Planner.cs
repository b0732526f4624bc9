using System.Diagnostics;

namespace Staffing.Allocation;

/// <summary>Scenario in, plan out: the one path every command that plans goes through.</summary>
public sealed class Planner(IEnumerable<IAllocator> allocators)
{
    private readonly Dictionary<string, IAllocator> byName = allocators.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> Names => byName.Keys.Order(StringComparer.Ordinal);

    public IAllocator Allocator(string name) =>
        byName.TryGetValue(name, out var a) ? a : throw Io.InputException.Single($"--solver: found \"{name}\", expected one of {string.Join(", ", Names)}");

    /// <summary>Plans the scenario; throws <see cref="LockConflictException"/> when the locks cannot all hold.</summary>
    public (AllocationProblem Problem, Plan Plan) Plan(Domain.Scenario scenario, string solver, SolveSettings settings)
    {
        var watch = Stopwatch.StartNew();
        var allocator = Allocator(solver);
        var problem = new AllocationProblem(scenario);
        var conflicts = LockCheck.Conflicts(problem);
        if (conflicts.Count > 0) throw new LockConflictException(conflicts);
        var result = allocator.Allocate(problem, settings);
        return (problem, PlanBuilder.Build(problem, result, watch.Elapsed.TotalSeconds, Io.PlanWriter.InputHash(scenario)));
    }
}
