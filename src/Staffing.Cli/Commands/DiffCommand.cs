using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Cli.Runs;
using Staffing.Io;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Commands;

/// <summary>`staffing diff`: what `compare` shows, for two stored runs, and the centres that change partner.</summary>
internal static class DiffCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command(
"diff", Texts.DiffDescription);
        var a = new Argument<long>("base") { Description = Texts.DiffBaseArgument };
        var b = new Argument<long>("variant") { Description = Texts.DiffVariantArgument };
        cmd.Arguments.Add(a);
        cmd.Arguments.Add(b);
        WorkspaceOptions.AddDb(cmd);
        var output = new OutputOptions(
            services,
            cmd,
            Texts.DiffOut,
            required: false
        );
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Terminal>();
            output.Check(r);
            var workspace = WorkspaceOptions.Open(r);
            var (ra, rb) = (workspace.Run(r.GetValue(a)), workspace.Run(r.GetValue(b)));
            var diff = RunDiff.Of(workspace, ra, rb);
            var o = console.Out;
            o.WriteLine(Say.Format(Texts.DiffRuns, ra.Id, ra.Name, rb.Id, rb.Name));
            foreach (
                var x in diff.Areas.Where(x =>
                    x.Base?.Allocated != x.Variant?.Allocated || x.Base?.Entitled != x.Variant?.Entitled
                )
            )
                o.WriteLine(
                    Say.Format(
                        Texts.DiffArea,
                        x.Area,
                        Words.Of(x.Resource),
                        x.Base?.Entitled ?? 0,
                        x.Variant?.Entitled ?? 0,
                        x.Base?.Allocated ?? 0,
                        x.Variant?.Allocated ?? 0
                    )
                );
            foreach (var c in diff.Centres)
                o.WriteLine(
                    Say.Format(
                        c.VariantAllocated > c.BaseAllocated ? Texts.DiffGains
                            : c.VariantAllocated < c.BaseAllocated ? Texts.DiffLoses
                            : Texts.DiffChanges,
                        c.Code,
                        Words.Of(c.Resource),
                        c.BaseAllocated,
                        c.VariantAllocated,
                        Explain.Read(c.Reason)
                    ) + Forced(diff.Cause(c.Code, c.Resource))
                );
            foreach (var p in diff.Partners)
                o.WriteLine(
                    Say.Format(
                        Texts.DiffPartners,
                        p.Code,
                        Words.Of(p.Stage),
                        Partners(p.Before),
                        Partners(p.After)
                    )
                        + Forced(
                            diff.Cause(
                                p.Code,
                                p.Stage == Stage.Primary ? Resource.PrimaryItinerant : Resource.SecondaryItinerant,
                                p.Before,
                                p.After
                            )
                        )
                );
            console.Error.WriteLine(
                Say.Format(
                    Texts.DiffSummary,
                    Say.Count(diff.Centres.Count, Texts.CentreRowsOne, Texts.CentreRowsMany),
                    Say.Count(diff.Partners.Count, Texts.PartnerChangesOne, Texts.PartnerChangesMany)
                )
            );
            if (output.Given(r))
                output.Write(
                    r,
                    [],
                    tmp =>
                    {
                        Reports.ComparisonTables.Write(
                            tmp,
                            diff.Areas,
                            diff.Centres,
                            diff.BaseScenario,
                            diff.VariantScenario
                        );
                        tmp.Write("diff-partners.csv",
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

    /// <summary>What forced a change, as the page says it: a pin, or the pool and the rules.</summary>
    private static string Forced(string cause) => " [" + Words.Of("ui.cause." + cause) + "]";

    private static string Partners(string? p) =>
        p switch
        {
            null => Texts.PartnersNone,
            "" => Texts.PartnersOwnTeacher,
            _ => p,
        };
}
