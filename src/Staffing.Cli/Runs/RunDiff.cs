using Staffing.Io;
using Staffing.WhatIf;

namespace Staffing.Cli.Runs;

/// <summary>Two stored runs compared: the comparison of `compare`, and the partner changes.</summary>
public sealed record RunDiff(
    Scenario BaseScenario,
    Scenario VariantScenario,
    IReadOnlyList<AreaChange> Areas,
    IReadOnlyList<CentreChange> Centres,
    IReadOnlyList<PartnerChange> Partners
)
{
    public static RunDiff Of(Workspace workspace, RunInfo a, RunInfo b)
    {
        var (sa, pa) = workspace.ScenarioAndPlan(a);
        var (sb, pb) = workspace.ScenarioAndPlan(b);
        var (areas, centres) = Comparison.Compare(sa, pa, sb, pb);
        return new RunDiff(sa, sb, areas, centres, Comparison.Partners(pa, pb));
    }
}
