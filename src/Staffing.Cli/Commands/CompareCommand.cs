using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Allocation;
using Staffing.Equity;
using Staffing.Io;
using Staffing.WhatIf;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Commands;

/// <summary>`staffing compare`: what moves between a base and a variant (a scenario folder or a policy file).</summary>
internal static class CompareCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command(
"compare", Texts.CompareDescription);
        var b = ScenarioInput.AddTo(cmd, "base", Texts.BaseArgument);
        var v = new Argument<string>("variant")
        {
            Description = Texts.VariantArgument,
        };
        cmd.Arguments.Add(v);
        var solve = new SolveOptions(cmd);
        var output = new OutputOptions(
            services,
            cmd,
            Texts.CompareOut
        );
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Terminal>();
            output.Check(r, r.GetValue(b), r.GetValue(v));
            var plan = solve.Planning(r, services, console);
            var baseScenario = ScenarioInput.Read(r, r.GetValue(b)!, console);
            var variantPath = r.GetValue(v)!;
            if (
                !File.Exists(variantPath)
                && !Directory.Exists(variantPath)
                && variantPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            )
                throw InputException.Single(Say.Format(Texts.CompareNoPolicyFile, variantPath));
            var variant = File.Exists(variantPath)
                ? ScenarioInput.Read(r, r.GetValue(b)!, console, variantPath)
                : ScenarioInput.Read(r, variantPath, console);
            var bp = plan(baseScenario);
            var (_, vp, areas, centres) = new WhatIfService(plan).Compare(baseScenario, bp, variant);
            var be = EquityReport
                .Compute(new AllocationProblem(baseScenario), bp, false, 0)
                .ToDictionary(e => (e.Level, e.Area, e.Stage));
            var ve = EquityReport.Compute(new AllocationProblem(variant), vp, false, 0);
            output.Write(
                r,
                [r.GetValue(b), r.GetValue(v)],
                tmp =>
                {
                    Reports.ComparisonTables.Write(tmp, areas, centres, baseScenario, variant);
                    tmp.Write("compare-equity.csv", Equity(be, ve));
                }
            );
            static string Euros(decimal d) => (d > 0 ? "+" : "") + Figures.Number(d, Figures.Current, 0);
            console.Error.WriteLine(
                Say.Format(
                    Texts.CompareSummary,
                    Say.Count(areas.Count, Texts.AreaRowsOne, Texts.AreaRowsMany),
                    Say.Count(centres.Count, Texts.CentreRowsOne, Texts.CentreRowsMany),
                    Euros(areas.Sum(a => a.DeltaEntitledCost)),
                    Euros(areas.Sum(a => a.DeltaCost))
                )
            );
            return ExitCode.Ok;
        });
        return cmd;
    }


    /// <summary>The equity rows that change, base beside variant.</summary>
    private static IEnumerable<CompareEquityCsvRow> Equity(
        Dictionary<(string, string, Stage), EquityRow> before,
        IEnumerable<EquityRow> after
    )
    {
        foreach (var e in after)
        {
            var x = before.GetValueOrDefault((e.Level, e.Area, e.Stage));
            if (
                x is not null
                && x.PostsPer100 == e.PostsPer100
                && x.EoepDaysPer100 == e.EoepDaysPer100
                && x.CoverageGini == e.CoverageGini
                && x.AbovePriority == e.AbovePriority
                && x.Ownership == e.Ownership
            )
                continue;
            yield return new CompareEquityCsvRow(
                e.Level,
                e.Area,
                e.Stage,
                x?.PostsPer100,
                e.PostsPer100,
                x?.EoepDaysPer100,
                e.EoepDaysPer100,
                x?.CoverageGini,
                e.CoverageGini,
                x?.AbovePriority,
                e.AbovePriority,
                x?.Ownership.ConcertadoRatio,
                e.Ownership.ConcertadoRatio,
                x?.Ownership.SectorDissimilarity,
                e.Ownership.SectorDissimilarity
            );
        }
    }
}
