using Staffing.Allocation;
using Staffing.Domain;

namespace Staffing.WhatIf;

/// <summary>A what-if answered: the variant, its plan, and what moves against the base.</summary>
public sealed record WhatIfOutcome(
    Scenario Variant,
    Plan Plan,
    IReadOnlyList<AreaChange> Areas,
    IReadOnlyList<CentreChange> Centres
);

/// <summary>
/// The one what-if of `compare`, `sweep` and the page: a variant (made by <see cref="WhatIf.Variant"/>) planned by the
/// caller's planner (its solver, time limit and cancellation), and compared with its base.
/// </summary>
public sealed class WhatIfService(Func<Scenario, Plan> plan)
{
    /// <summary>The variant planned and compared with a base already planned.</summary>
    public WhatIfOutcome Compare(Scenario basis, Plan basePlan, Scenario variant)
    {
        var p = plan(variant);
        var (areas, centres) = Comparison.Compare(basis, basePlan, variant, p);
        return new WhatIfOutcome(variant, p, areas, centres);
    }

    /// <summary>Base and variant both planned, then compared.</summary>
    public WhatIfOutcome Compare(Scenario basis, Scenario variant) => Compare(basis, plan(basis), variant);

    /// <summary>One parameter over its values: each point planned, its totals kept.</summary>
    public IReadOnlyList<SweepPoint> Sweep(
        Scenario s,
        string name,
        IReadOnlyList<decimal> values,
        string source,
        IProgress<int>? progress = null
    )
    {
        var points = new List<SweepPoint>();
        foreach (var v in values)
        {
            var at = WhatIf.Sweep.At(s, name, v, source);
            points.Add(new SweepPoint(v, Totals.Of(at, plan(at).Lines)));
            progress?.Report(points.Count);
        }
        return points;
    }
}
