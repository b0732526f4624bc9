using Staffing.Allocation;
using Staffing.Domain;

namespace Staffing.WhatIf;

public sealed record Total(string Area, Resource Resource, long Entitled, long Allocated, decimal Cost)
{
    public long Shortfall => Entitled - Allocated;
}

public static class Totals
{
    /// <summary>Per area and resource over every plan line (pool and agreement), with the yearly cost of what is allocated.</summary>
    public static IReadOnlyList<Total> Of(Scenario s, IEnumerable<PlanLine> lines)
    {
        var area = s.Centres.ToDictionary(c => c.Code, c => c.Area, StringComparer.Ordinal);
        return [.. lines.GroupBy(l => (area[l.Code], l.Resource)).OrderBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Resource)
            .Select(g => new Total(g.Key.Item1, g.Key.Resource, g.Sum(l => (long)l.Entitled), g.Sum(l => (long)l.Allocated), g.Sum(l => l.Allocated) * s.Policy.CostPerUnit(g.Key.Resource)))];
    }
}
