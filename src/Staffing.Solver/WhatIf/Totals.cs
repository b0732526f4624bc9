using Staffing.Allocation;
using Staffing.Domain;

namespace Staffing.WhatIf;

/// <remarks><paramref name="Cost"/>: what is allocated, a year; <paramref name="EntitledCost"/>: funding the entitlement in full.</remarks>
public sealed record Total(
    string Area,
    Resource Resource,
    long Entitled,
    long Allocated,
    decimal Cost,
    decimal EntitledCost = 0
)
{
    public long Shortfall => Entitled - Allocated;
}

public static class Totals
{
    /// <summary>Per area and resource over every plan line (pool and agreement), with the yearly cost of what is allocated.</summary>
    public static IReadOnlyList<Total> Of(Scenario s, IEnumerable<PlanLine> lines)
    {
        var area = s.Centres.ToDictionary(c => c.Code, c => c.Area, StringComparer.Ordinal);
        return
        [
            .. lines
                .GroupBy(l => (area[l.Code], l.Resource))
                .OrderBy(g => g.Key.Item1, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Resource)
                .Select(g => new Total(
                    g.Key.Item1,
                    g.Key.Resource,
                    g.Sum(l => (long)l.Entitled),
                    g.Sum(l => (long)l.Allocated),
                    g.Sum(l => l.Allocated) * s.Policy.CostPerUnit(g.Key.Resource),
                    g.Sum(l => l.Entitled) * s.Policy.CostPerUnit(g.Key.Resource)
                )),
        ];
    }

    /// <summary>Totals per area and resource without the plan's words (reasons, teachers, week): for Monte Carlo runs.</summary>
    public static IReadOnlyList<Total> Allocate(
        Planner planner,
        Scenario scenario,
        string solver,
        SolveSettings settings
    )
    {
        var (problem, result) = planner.Allocate(scenario, solver, settings);
        var d = result.Decisions;
        return Of(
            scenario,
            problem.Demands.Select(x => new PlanLine(
                x.Code,
                x.Resource,
                x.Entitled,
                d.Amount(x),
                x.Rules,
                x.Funding,
                ""
            ))
        );
    }
}
