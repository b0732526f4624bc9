using System.Globalization;
using System.Text.Json;
using Staffing.Allocation;
using Staffing.Domain;

namespace Staffing.WhatIf;

public sealed record SweepPoint(decimal Value, IReadOnlyList<Total> Totals);

/// <summary>One policy parameter (or `pool_scale`, a factor on every pool row) over FROM + i × STEP, TO included.</summary>
public static class Sweep
{
    public const string PoolScale = Variant.PoolScale;

    /// <summary>The scenario with the parameter set to the value (checked like policy.json: policy.json's message on a bad value).</summary>
    public static Scenario At(Scenario s, string name, decimal value, string source)
    {
        if (name == PoolScale)
            return Variant.Scaled(s, value);
        using var doc = JsonDocument.Parse(value.ToString(CultureInfo.InvariantCulture));
        return Variant.Of(s, new Dictionary<string, JsonElement> { [name] = doc.RootElement.Clone() }, source);
    }

    public static IReadOnlyList<SweepPoint> Run(
        Scenario s,
        string name,
        IReadOnlyList<decimal> values,
        string source,
        Func<Scenario, Plan> plan,
        IProgress<int>? progress = null
    )
    {
        var points = new List<SweepPoint>();
        foreach (var v in values)
        {
            var at = At(s, name, v, source);
            points.Add(new SweepPoint(v, Totals.Of(at, plan(at).Lines)));
            progress?.Report(points.Count);
        }
        return points;
    }
}
