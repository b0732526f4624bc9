using System.Diagnostics;
using Staffing.Domain;

namespace Staffing.Allocation;

/// <summary>Scenario in, plan out: the one path every command that plans goes through.</summary>
public sealed class Planner(IEnumerable<IAllocator> allocators)
{
    private readonly Dictionary<string, IAllocator> byName = allocators.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> Names => byName.Keys.Order(StringComparer.Ordinal);

    public IAllocator Allocator(string name) =>
        byName.TryGetValue(name, out var a) ? a : throw Io.InputException.Single($"--solver: found \"{name}\", expected one of {string.Join(", ", Names)}");

    /// <summary>Totals per area and resource without the plan's words (reasons, teachers, week): for Monte Carlo runs.</summary>
    public IReadOnlyList<WhatIf.Total> Totals(Domain.Scenario scenario, string solver, SolveSettings settings)
    {
        var problem = new AllocationProblem(scenario);
        var conflicts = LockCheck.Conflicts(problem);
        if (conflicts.Count > 0) throw new LockConflictException(conflicts);
        var d = Allocator(solver).Allocate(problem, settings).Decisions;
        var paired = d.Groups.SelectMany(g => g.Codes.Select(c => (c, g.Stage))).ToHashSet();
        return WhatIf.Totals.Of(scenario, problem.Demands.Select(x => new PlanLine(x.Code, x.Resource, x.Entitled,
            x.Resource.IsItinerant() ? (paired.Contains((x.Code, x.Resource.StageOf())) ? 1 : 0) : x.Funding == Domain.Funding.Pool ? d.Of(x.Code, x.Resource) : x.Entitled,
            x.Rules, x.Funding, "")));
    }

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
