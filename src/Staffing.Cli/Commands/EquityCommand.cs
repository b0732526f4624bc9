using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Allocation;
using Staffing.Equity;
using Staffing.Io;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Commands;

/// <summary>`staffing equity`: segregation of compensatory pupils beside the staff the plan gives them.</summary>
internal static class EquityCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command(
"equity", Texts.EquityDescription);
        var scenario = ScenarioInput.AddTo(cmd);
        var by = new Option<string>("--by")
        {
            Description = Texts.ByOption,
            DefaultValueFactory = _ => "locality",
        };
        by.AcceptOnlyFromAmong("area", "locality");
        var seed = new Option<int>("--seed") { Description = Texts.BootstrapSeedOption, DefaultValueFactory = _ => 0 };
        foreach (var o in new Option[] { by, seed })
            cmd.Options.Add(o);
        var solve = new SolveOptions(cmd);
        var output = new OutputOptions(
            services,
            cmd,
            Texts.EquityOut,
            required: false
        );
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Terminal>();
            output.Check(r, r.GetValue(scenario));
            var s = ScenarioInput.Read(r, r.GetValue(scenario)!, console);
            var (problem, plan) = services
                .GetRequiredService<Planner>()
                .Plan(s, solve.Solver(r), solve.Settings(r, console));
            var rows = EquityReport.Compute(problem, plan, r.GetValue(by) == "locality", r.GetValue(seed));
            if (output.Given(r))
                output.Write(
                    r,
                    [r.GetValue(scenario)],
                    tmp =>
                        tmp.Write("equity.csv",
                            rows.Select(e => new EquityCsvRow(
                                e.Level,
                                e.Area,
                                e.Locality,
                                e.Stage,
                                e.Centres,
                                e.Pupils,
                                e.Compensatory,
                                e.Dissimilarity,
                                e.DissimilarityLow,
                                e.DissimilarityHigh,
                                e.Isolation,
                                e.Exposure,
                                e.Gini,
                                Explain.Contract(e.Warning),
                                e.AbovePriority,
                                e.PostsPer100,
                                e.EoepDaysPer100,
                                e.CoverageGini,
                                e.Ownership.PublicShareCompensatory,
                                e.Ownership.PublicSharePupils,
                                e.Ownership.PublicRatio,
                                e.Ownership.ConcertadoShareCompensatory,
                                e.Ownership.ConcertadoSharePupils,
                                e.Ownership.ConcertadoRatio,
                                e.Ownership.SectorDissimilarity,
                                ExplanationJson.Write(e.Warning)
                            ))
                        )
                );
            else
                Table(console.Out, rows);
            return ExitCode.Ok;
        });
        return cmd;
    }

    private static void Table(TextWriter o, IEnumerable<EquityRow> rows)
    {
        o.WriteLine(
            $"{Texts.EquityLevel, -8} {Texts.EquityPlace, -40} {Texts.EquityStage, -9} {Texts.EquityCentres, 7} "
                + $"{Texts.EquityComp, 6} {"D", 6} {"D 95 %", 13} {Texts.EquityIsolation, 6} {"gini", 6} {Texts.EquityAboveLine, 5} "
                + $"{Texts.EquityPosts, 9} {Texts.EquityDays, 8} {Texts.EquityConcertado, 9} {Texts.EquitySector, 6}  {Texts.EquityWarning}"
        );
        foreach (var e in rows)
        {
            var place =
                e.Level == "region" ? Texts.EquityRegion
                : e.Level == "area" ? e.Area
                : "  " + e.Locality;
            if (place.Length > 40)
                place = place[..39] + "…";
            var interval = e.DissimilarityLow is null ? "" : F2(e.DissimilarityLow) + "–" + F2(e.DissimilarityHigh);
            o.WriteLine(
                $"{Words.Of("level." + e.Level), -8} {place, -40} {Words.Of(e.Stage), -9} {e.Centres, 7} {e.Compensatory, 6} "
                    + $"{F2(e.Dissimilarity), 6} {interval, 13} {F2(e.Isolation), 6} {F2(e.Gini), 6} {e.AbovePriority, 5} "
                    + $"{F2(e.PostsPer100), 9} {F2(e.EoepDaysPer100), 8} {F2(e.Ownership.ConcertadoRatio), 9} "
                    + $"{F2(e.Ownership.SectorDissimilarity), 6}  {Explain.Read(e.Warning)}"
            );
        }
    }

    private static string F2(double? v) => v is { } d ? d.ToString("0.00", Figures.Numbers(Figures.Current)) : "–";
}
