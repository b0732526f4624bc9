using Staffing.Allocation;
using Staffing.Domain;
using Staffing.Rules;

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

    /// <summary>
    /// Totals per area and resource without the plan's words (reasons, teachers, week), and the entitlements they
    /// come from: for Monte Carlo runs.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(
        System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization
    )]
    public static (IReadOnlyList<Total> Totals, IReadOnlyList<Entitlement> Entitlements) Allocate(
        Planner planner,
        Scenario scenario,
        string solver,
        SolveSettings settings
    )
    {
        var (problem, result) = planner.Allocate(scenario, solver, settings with { TotalsOnly = true });
        var d = result.Decisions;
        // Summed in place: a run's totals without a plan line per demand.
        var sums = new Dictionary<(string, Resource), (long Entitled, long Allocated)>();
        foreach (var x in problem.Demands)
        {
            var key = (x.Centre.Area, x.Resource);
            var (e, a) = sums.GetValueOrDefault(key);
            sums[key] = (e + x.Entitled, a + d.Amount(x));
        }
        IReadOnlyList<Total> totals =
        [
            .. sums.OrderBy(kv => kv.Key.Item1, StringComparer.Ordinal)
                .ThenBy(kv => kv.Key.Item2)
                .Select(kv => new Total(
                    kv.Key.Item1,
                    kv.Key.Item2,
                    kv.Value.Entitled,
                    kv.Value.Allocated,
                    kv.Value.Allocated * scenario.Policy.CostPerUnit(kv.Key.Item2),
                    kv.Value.Entitled * scenario.Policy.CostPerUnit(kv.Key.Item2)
                )),
        ];
        return (totals, problem.Entitlements);
    }
}
