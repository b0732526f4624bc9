using Staffing.Io;
using Staffing.WhatIf;

namespace Staffing.Cli.Runs;

/// <summary>Two stored runs compared: the comparison of `compare`, and the partner changes.</summary>
internal sealed record RunDiff(
    Scenario BaseScenario,
    Scenario VariantScenario,
    IReadOnlyList<AreaChange> Areas,
    IReadOnlyList<CentreChange> Centres,
    IReadOnlyList<PartnerChange> Partners,
    IReadOnlySet<(string Code, Resource Resource)> Pinned
)
{
    public static RunDiff Of(Workspace workspace, RunInfo a, RunInfo b)
    {
        var (sa, pa) = workspace.ScenarioAndPlan(a);
        var (sb, pb) = workspace.ScenarioAndPlan(b);
        var (areas, centres) = Comparison.Compare(sa, pa, sb, pb);
        // What the variant was solved with and the base was not: the pins that came between them.
        var before = workspace.Locks(a.Id).ToHashSet();
        var pinned = workspace
            .Locks(b.Id)
            .Where(h => !before.Contains(h))
            .SelectMany(h => h.Partner is { } p ? new[] { (h.Code, h.Resource), (p, h.Resource) } : [(h.Code, h.Resource)])
            .ToHashSet();
        return new RunDiff(sa, sb, areas, centres, Comparison.Partners(pa, pb), pinned);
    }

    /// <summary>Whether a pin forced a centre's change (it, or for a pair one of its partners, was pinned), else the pool did.</summary>
    public string Cause(string code, Resource resource, params string?[] partners) =>
        Pinned.Contains((code, resource))
        || partners.OfType<string>().SelectMany(p => p.Split(' ')).Any(p => Pinned.Contains((p, resource)))
            ? "pin"
            : "pool";
}
