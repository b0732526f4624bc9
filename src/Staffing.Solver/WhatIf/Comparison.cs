using Staffing.Solver;
using Staffing.Allocation;
using Staffing.Domain;
using Staffing.Rules;

namespace Staffing.WhatIf;

public sealed record AreaChange(string Area, Resource Resource, Total? Base, Total? Variant)
{
    public decimal DeltaCost => (Variant?.Cost ?? 0) - (Base?.Cost ?? 0);

    /// <summary>What funding the new entitlement in full would cost beside the old one: the analyst's question.</summary>
    public decimal DeltaEntitledCost => (Variant?.EntitledCost ?? 0) - (Base?.EntitledCost ?? 0);
}

public sealed record CentreChange(
    string Code,
    Resource Resource,
    int BaseEntitled,
    int VariantEntitled,
    int BaseAllocated,
    int VariantAllocated,
    Explanation Reason
);

/// <summary>Base against variant: what moves per area and resource, and which centres change and why.</summary>
public static class Comparison
{
    public static (IReadOnlyList<AreaChange> Areas, IReadOnlyList<CentreChange> Centres) Compare(
        Scenario b,
        Plan basePlan,
        Scenario v,
        Plan variantPlan
    )
    {
        var bt = Totals.Of(b, basePlan.Lines).ToDictionary(t => (t.Area, t.Resource));
        var vt = Totals.Of(v, variantPlan.Lines).ToDictionary(t => (t.Area, t.Resource));
        var areas = bt
            .Keys.Union(vt.Keys)
            .OrderBy(k => k.Area, StringComparer.Ordinal)
            .ThenBy(k => k.Resource)
            .Select(k => new AreaChange(k.Area, k.Resource, bt.GetValueOrDefault(k), vt.GetValueOrDefault(k)))
            .Where(a =>
                a.Base is null
                || a.Variant is null
                || a.Base.Entitled != a.Variant.Entitled
                || a.Base.Allocated != a.Variant.Allocated
                || a.Base.Cost != a.Variant.Cost
            )
            .ToList();

        var bl = basePlan.Lines.ToDictionary(l => (l.Code, l.Resource));
        var vl = variantPlan.Lines.ToDictionary(l => (l.Code, l.Resource));
        var centres = new List<CentreChange>();
        foreach (var key in bl.Keys.Union(vl.Keys).OrderBy(k => k.Code, StringComparer.Ordinal).ThenBy(k => k.Resource))
        {
            var x = bl.GetValueOrDefault(key);
            var y = vl.GetValueOrDefault(key);
            if (x?.Entitled == y?.Entitled && x?.Allocated == y?.Allocated)
                continue;
            centres.Add(
                new CentreChange(
                    key.Code,
                    key.Resource,
                    x?.Entitled ?? 0,
                    y?.Entitled ?? 0,
                    x?.Allocated ?? 0,
                    y?.Allocated ?? 0,
                    Reason(b, v, key.Code, key.Resource, x, y)
                )
            );
        }
        return (areas, centres);
    }

    /// <summary>The rule whose outcome flipped or whose number moved, else the allocation.</summary>
    private static Explanation Reason(Scenario b, Scenario v, string code, Resource r, PlanLine? x, PlanLine? y)
    {
        var cb = b.Find(code);
        var cv = v.Find(code);
        if (cb is null)
            return Explanation.Of(nameof(Texts.ReasonNewCentre));
        if (cv is null)
            return Explanation.Of(nameof(Texts.ReasonCentreGone));
        var (entitledBefore, entitledAfter) = (x?.Entitled ?? 0, y?.Entitled ?? 0);
        var (allocatedBefore, allocatedAfter) = (x?.Allocated ?? 0, y?.Allocated ?? 0);
        var because = y is { Reason.IsNone: false } ? y.Reason : null;
        if (entitledBefore != entitledAfter)
        {
            var tb = RuleBook.Trace(cb, b.Policy).ToDictionary(t => t.Rule);
            var tv = RuleBook.Trace(cv, v.Policy).ToDictionary(t => t.Rule);
            var rules = (y?.Rules ?? x!.Rules).Split(';');
            foreach (var id in rules)
                if (tb[id].Applied != tv[id].Applied)
                    return Explanation.Of(
                        tv[id].Applied ? nameof(Texts.ReasonNowApplies) : nameof(Texts.ReasonNoLongerApplies),
                        id,
                        tv[id].Instruction,
                        tv[id].Because
                    );
            var last = rules[^1];
            object[] moved = [last, entitledBefore, entitledAfter, tv[last].Instruction, tv[last].Because];
            // More entitled but less allocated: the pool did not grow, so its share of it fell.
            if (entitledAfter > entitledBefore && allocatedAfter < allocatedBefore)
                return because is null
                    ? Explanation.Of(nameof(Texts.ReasonShareFell), [.. moved, allocatedBefore, allocatedAfter])
                    : Explanation.Of(
                        nameof(Texts.ReasonShareFellBecause),
                        [.. moved, allocatedBefore, allocatedAfter, because]
                    );
            return Explanation.Of(nameof(Texts.ReasonEntitlementMoved), moved);
        }
        return because is null
            ? Explanation.Of(nameof(Texts.ReasonAllocation), allocatedBefore, allocatedAfter, entitledAfter)
            : Explanation.Of(nameof(Texts.ReasonAllocationBecause), allocatedBefore, allocatedAfter, entitledAfter, because);
    }

    /// <summary>Centres whose itinerant partners differ between two plans (in a stage), partners as codes.</summary>
    public static IReadOnlyList<PartnerChange> Partners(Plan before, Plan after)
    {
        static Dictionary<(string, Stage), string> Of(Plan p) =>
            p
                .Itinerants.SelectMany(t =>
                    t.Centres.Select(c =>
                        (
                            Key: (c, t.Stage),
                            Partners: string.Join(" ", t.Centres.Where(o => o != c).Order(StringComparer.Ordinal))
                        )
                    )
                )
                .ToDictionary(x => x.Key, x => x.Partners);
        var (a, b) = (Of(before), Of(after));
        return
        [
            .. a
                .Keys.Union(b.Keys)
                .Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k))
                .OrderBy(k => k.Item1, StringComparer.Ordinal)
                .ThenBy(k => k.Item2)
                .Select(k => new PartnerChange(k.Item1, k.Item2, a.GetValueOrDefault(k), b.GetValueOrDefault(k))),
        ];
    }
}

/// <summary>A centre's itinerant partners before and after (null: no teacher; "": a teacher of its own).</summary>
public sealed record PartnerChange(string Code, Stage Stage, string? Before, string? After);
