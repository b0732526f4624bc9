using Staffing.Io;
using Staffing.WhatIf;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Reports;

/// <summary>The comparison's tables as files: one writer for every place that shows a comparison.</summary>
internal static class ComparisonTables
{
    /// <summary>compare-areas.csv and compare-centres.csv (names beside codes), for compare, diff and the page's download.</summary>
    public static void Write(
        TableFolder tmp,
        IReadOnlyList<AreaChange> areas,
        IReadOnlyList<CentreChange> centres,
        Scenario baseScenario,
        Scenario variant
    )
    {
        tmp.Write("compare-areas.csv",
            areas.Select(a => new CompareAreaCsvRow(
                a.Area,
                a.Resource,
                a.Base?.Entitled ?? 0,
                a.Variant?.Entitled ?? 0,
                a.Base?.Allocated ?? 0,
                a.Variant?.Allocated ?? 0,
                a.Base?.Cost ?? 0,
                a.Variant?.Cost ?? 0,
                a.DeltaCost,
                a.Base?.Shortfall ?? 0,
                a.Variant?.Shortfall ?? 0,
                a.Base?.EntitledCost ?? 0,
                a.Variant?.EntitledCost ?? 0,
                a.DeltaEntitledCost
            ))
        );
        tmp.Write("compare-centres.csv",
            centres.Select(c =>
            {
                var (name, locality, area) = CentreColumns.Of(variant.Find(c.Code) ?? baseScenario.Find(c.Code));
                return new CompareCentreCsvRow(
                    c.Code,
                    c.Resource,
                    c.BaseEntitled,
                    c.VariantEntitled,
                    c.BaseAllocated,
                    c.VariantAllocated,
                    Explain.Contract(c.Reason),
                    name,
                    locality,
                    area,
                    ExplanationJson.Write(c.Reason)
                );
            })
        );
    }
}
