using Staffing.Allocation;
using Staffing.Domain;
using Staffing.Rules;

namespace Staffing.WhatIf;

/// <summary>A Monte Carlo run's totals, summed without a plan.</summary>
public static class RunTotals
{
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
