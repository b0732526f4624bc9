using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Cli.Runs;
using Staffing.Io;

namespace Staffing.Cli.Commands;

/// <summary>`staffing diff`: what `compare` shows, for two stored runs, and the centres that change partner.</summary>
public static class DiffCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command(
            "diff",
            "What moves between two stored runs: per area and resource, per centre (gains, losses, with the reason), "
                + "and itinerant partners that change"
        );
        var a = new Argument<long>("base") { Description = "The base run id" };
        var b = new Argument<long>("variant") { Description = "The run compared with it" };
        cmd.Arguments.Add(a);
        cmd.Arguments.Add(b);
        cmd.Options.Add(WorkspaceOptions.Db);
        var output = new OutputOptions(
            services,
            cmd,
            "Write compare-areas.csv, compare-centres.csv and diff-partners.csv into this folder",
            required: false
        );
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Console>();
            output.Check(r);
            var workspace = WorkspaceOptions.Open(r);
            var (ra, rb) = (workspace.Run(r.GetValue(a)), workspace.Run(r.GetValue(b)));
            var diff = RunDiff.Of(workspace, ra, rb);
            var o = console.Out;
            o.WriteLine($"run {ra.Id} \"{ra.Name}\" → run {rb.Id} \"{rb.Name}\"");
            foreach (
                var x in diff.Areas.Where(x =>
                    x.Base?.Allocated != x.Variant?.Allocated || x.Base?.Entitled != x.Variant?.Entitled
                )
            )
                o.WriteLine(
                    $"  {x.Area} {x.Resource.Name()}: entitled {x.Base?.Entitled ?? 0} → {x.Variant?.Entitled ?? 0}, "
                        + $"allocated {x.Base?.Allocated ?? 0} → {x.Variant?.Allocated ?? 0}"
                );
            foreach (var c in diff.Centres)
                o.WriteLine(
                    $"  {c.Code} {c.Resource.Name()}: {(c.VariantAllocated > c.BaseAllocated ? "gains" : c.VariantAllocated < c.BaseAllocated ? "loses" : "changes")}, "
                        + $"allocated {c.BaseAllocated} → {c.VariantAllocated} ({c.Reason})"
                );
            foreach (var p in diff.Partners)
                o.WriteLine(
                    $"  {p.Code} {p.Stage.Name()} itinerant: partners {Partners(p.Before)} → {Partners(p.After)}"
                );
            console.Error.WriteLine(
                $"diff: {Units.Count(diff.Centres.Count, "centre row")} and {Units.Count(diff.Partners.Count, "partner change")}"
            );
            if (output.Given(r))
                output.Write(
                    r,
                    [],
                    tmp =>
                    {
                        CompareCommand.WriteTables(
                            tmp,
                            diff.Areas,
                            diff.Centres,
                            diff.BaseScenario,
                            diff.VariantScenario
                        );
                        CsvFile.Write(
                            Path.Combine(tmp, "diff-partners.csv"),
                            diff.Partners.Select(p =>
                            {
                                var (name, locality, area) = CentreColumns.Of(diff.VariantScenario.Find(p.Code));
                                return new PartnerChangeCsvRow(
                                    p.Code,
                                    p.Stage,
                                    p.Before,
                                    p.After,
                                    name,
                                    locality,
                                    area
                                );
                            })
                        );
                    }
                );
            return ExitCode.Ok;
        });
        return cmd;
    }

    private static string Partners(string? p) =>
        p switch
        {
            null => "none",
            "" => "(own teacher)",
            _ => p,
        };
}
