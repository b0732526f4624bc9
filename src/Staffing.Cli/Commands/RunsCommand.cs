using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Io;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Commands;

/// <summary>`staffing runs`: the stored runs of a scenario (or of every scenario), the adopted one marked.</summary>
internal static class RunsCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command(
"runs", Texts.RunsDescription);
        var scenario = new Argument<string?>("scenario")
        {
            Description = Texts.RunsScenarioArgument,
            Arity = ArgumentArity.ZeroOrOne,
        };
        cmd.Arguments.Add(scenario);
        WorkspaceOptions.AddDb(cmd);
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Terminal>();
            var workspace = WorkspaceOptions.Open(r);
            IReadOnlyList<StoredScenario> scenarios;
            if (r.GetValue(scenario) is { } folder)
            {
                if (!File.Exists(Path.Combine(folder, "centres.csv")))
                    throw InputException.Single(Say.Format(Texts.RunsNoCentres, folder));
                scenarios = workspace.Find(folder) is { } s
                    ? [s]
                    : throw InputException.Single(Say.Format(Texts.RunsNeverStored, folder, workspace.Path));
            }
            else
                scenarios = workspace.Scenarios();
            foreach (var s in scenarios)
            {
                console.Out.WriteLine(
                    Say.Format(Texts.RunsScenarioLine, s.Id, s.Name, s.Hash[..19], s.ImportedAt, s.ImportedBy)
                );
                var rows = new List<string[]>
                {
                    new[]
                    {
                        "",
                        Texts.ColumnRun,
                        Texts.ColumnName,
                        Texts.ColumnWhen,
                        Texts.ColumnWho,
                        Texts.ColumnStatus,
                        Texts.ColumnSolver,
                        Texts.ColumnFrom,
                        Texts.ColumnPins,
                        Texts.ColumnShortfall,
                    },
                };
                rows.AddRange(
                    workspace
                        .Runs(s.Id)
                        .Select(run =>
                            new[]
                            {
                                run.Adopted ? "*" : "",
                                run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                                run.Name,
                                Explain.Moment(run.CreatedAt),
                                run.Who,
                                Words.Status(run.Status),
                                run.Settings.Solver,
                                run.ParentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                                run.Pins.ToString(System.Globalization.CultureInfo.InvariantCulture),
                                ShortfallText(run.Shortfall),
                            }
                        )
                );
                var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(x => x[i].Length)).ToArray();
                foreach (var row in rows)
                    console.Out.WriteLine(
                        "  " + string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd()
                    );
            }
            if (scenarios.Count == 0)
                console.Error.WriteLine(Say.Format(Texts.RunsNone, workspace.Path));
            return ExitCode.Ok;
        });
        return cmd;
    }

    /// <summary>A run's shortfall, each unit kind apart.</summary>
    public static string ShortfallText(IReadOnlyList<UnitTotal> totals) =>
        totals.Count == 0 || totals.All(t => t.Amount == 0)
            ? Texts.ShortfallNone
            : string.Join(", ", totals.Where(t => t.Amount > 0).Select(t => Units.Amount(t.Amount, t.Unit)));
}
