using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Cli.Reports;
using Staffing.Io;
using Staffing.WhatIf;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Commands;

/// <summary>`staffing sweep`: one policy parameter over a range, totals per value and a chart.</summary>
internal static class SweepCommand
{
    private const string Source = "--param";

    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command(
"sweep", Texts.SweepDescription);
        var scenario = ScenarioInput.AddTo(cmd);
        var param = new Option<string>(Source)
        {
            Description = Say.Format(Texts.ParamOption, Sweep.PoolScale),
            Required = true,
        };
        Validation.Add(
            param,
            r =>
            {
                if (Parse(r.GetValueOrDefault<string>() ?? "", out _) is { } error)
                    r.AddError(error);
            }
        );
        cmd.Options.Add(param);
        var solve = new SolveOptions(cmd);
        var output = new OutputOptions(services, cmd, Texts.SweepOut);
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Terminal>();
            output.Check(r, r.GetValue(scenario));
            var plan = solve.Planning(r, services, console);
            var s = ScenarioInput.Read(r, r.GetValue(scenario)!, console);
            Parse(r.GetValue(param)!, out var range);
            var (name, values) = range;
            foreach (var value in values)
                Sweep.At(s, name, value, Source); // every point checked before any is solved
            var points = console.WithProgress(
                Say.Format(Texts.ProgressSweep, name),
                values.Count,
                p => new WhatIfService(plan).Sweep(s, name, values, Source, p)
            );
            var png = Charts.Sweep(name, points);
            output.Write(
                r,
                [r.GetValue(scenario)],
                tmp =>
                {
                    tmp.Write("sweep.csv",
                        points.SelectMany(p =>
                            p.Totals.Select(t => new SweepCsvRow(
                                p.Value,
                                t.Area,
                                t.Resource,
                                t.Entitled,
                                t.Allocated,
                                t.Shortfall,
                                t.Cost
                            ))
                        )
                    );
                    File.WriteAllBytes(Path.Combine(tmp.Path, "sweep.png"), png);
                }
            );
            return ExitCode.Ok;
        });
        return cmd;
    }

    /// <summary>NAME=FROM:TO:STEP as FROM + i × STEP in decimal, TO included; null, or the error.</summary>
    public static string? Parse(string spec, out (string Name, IReadOnlyList<decimal> Values) range)
    {
        range = ("", []);
        var eq = spec.IndexOf('=');
        var parts = eq < 0 ? [] : spec[(eq + 1)..].Split(':');
        if (eq <= 0 || parts.Length != 3)
            return Say.Format(Texts.ParamFound, Source, spec);
        // Each value as a person types it: 0,2 and 0.2 alike; "1,000" refused with both readings.
        var n = new decimal[3];
        for (var i = 0; i < 3; i++)
        {
            if (TypedNumber.Read(parts[i], out var problem) is not { } value)
                return Say.Format(Texts.ParamValueFound, Source, InputErrors.Quote(parts[i]), problem);
            n[i] = value;
        }
        var (from, to, step) = (n[0], n[1], n[2]);
        if (step <= 0 || to < from || (to - from) / step > 500)
            return Say.Format(Texts.ParamRangeFound, Source, from, to, step);
        var values = new List<decimal>();
        // Normalised (20.0 → 20) so an integer parameter takes the value as an integer.
        for (var i = 0; from + i * step <= to; i++)
            values.Add((from + i * step) / 1.000000000000000000000000000000000m);
        range = (spec[..eq].Trim(), values);
        return null;
    }
}
