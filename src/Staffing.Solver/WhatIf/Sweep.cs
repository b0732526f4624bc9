using System.Globalization;
using System.Text.Json;
using Staffing.Allocation;
using Staffing.Domain;
using Staffing.Io;

namespace Staffing.WhatIf;

public sealed record SweepPoint(decimal Value, IReadOnlyList<Total> Totals);

/// <summary>One policy parameter (or `pool_scale`, a factor on every pool row) over FROM + i × STEP, TO included.</summary>
public static class Sweep
{
    public const string PoolScale = "pool_scale";

    public static (string Name, IReadOnlyList<decimal> Values) Parse(string spec)
    {
        var eq = spec.IndexOf('=');
        var parts = eq < 0 ? [] : spec[(eq + 1)..].Split(':');
        if (eq <= 0 || parts.Length != 3 || !parts.All(p => decimal.TryParse(p, NumberStyles.Number, CultureInfo.InvariantCulture, out _)))
            throw InputException.Single($"--param: found \"{spec}\", expected NAME=FROM:TO:STEP (e.g. primary_ratio=20:30:1)");
        var (from, to, step) = (decimal.Parse(parts[0], CultureInfo.InvariantCulture), decimal.Parse(parts[1], CultureInfo.InvariantCulture), decimal.Parse(parts[2], CultureInfo.InvariantCulture));
        if (step <= 0 || to < from || (to - from) / step > 500)
            throw InputException.Single($"--param: found {from}:{to}:{step}, expected FROM ≤ TO and STEP > 0, at most 500 steps");
        var values = new List<decimal>();
        // Normalised (20.0 → 20) so an integer parameter takes the value as an integer.
        for (var i = 0; from + i * step <= to; i++) values.Add((from + i * step) / 1.000000000000000000000000000000000m);
        return (spec[..eq].Trim(), values);
    }

    /// <summary>The scenario with the parameter set to the value (checked like policy.json: policy.json's message on a bad value).</summary>
    public static Scenario At(Scenario s, string name, decimal value)
    {
        if (name == PoolScale)
            return s with { Pool = s.Pool?.Select(p => p with { Amount = (int)Math.Floor(p.Amount * value) }).ToList() };
        using var doc = JsonDocument.Parse(value.ToString(CultureInfo.InvariantCulture));
        return s with { Policy = ScenarioReader.WithOverrides(s.Policy, new Dictionary<string, JsonElement> { [name] = doc.RootElement.Clone() }, "--param") };
    }

    public static IReadOnlyList<SweepPoint> Run(Scenario s, string name, IReadOnlyList<decimal> values, Func<Scenario, Plan> plan, IProgress<int>? progress = null)
    {
        var points = new List<SweepPoint>();
        foreach (var v in values)
        {
            var at = At(s, name, v);
            points.Add(new SweepPoint(v, Totals.Of(at, plan(at).Lines)));
            progress?.Report(points.Count);
        }
        return points;
    }
}
