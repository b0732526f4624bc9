namespace Staffing.Domain;

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

/// <summary>
/// An area's totals per resource, computed here once for every reader: summary.json, the comparison, the sweep, the
/// page's areas and region.
/// </summary>
public static class Totals
{
    /// <summary>Per area (ordinal order) and resource (the contract's order) over the lines given, with the yearly cost.</summary>
    public static IReadOnlyList<Total> Of(Scenario s, IEnumerable<PlanLine> lines) =>
        [
            .. lines
                .GroupBy(l => (s.Find(l.Code)!.Area, l.Resource))
                .OrderBy(g => g.Key.Area, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Resource)
                .Select(g => new Total(
                    g.Key.Area,
                    g.Key.Resource,
                    g.Sum(l => (long)l.Entitled),
                    g.Sum(l => (long)l.Allocated),
                    g.Sum(l => l.Allocated) * s.Policy.CostPerUnit(g.Key.Resource),
                    g.Sum(l => l.Entitled) * s.Policy.CostPerUnit(g.Key.Resource)
                )),
        ];
}
