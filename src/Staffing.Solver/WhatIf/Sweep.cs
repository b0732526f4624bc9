using System.Globalization;
using System.Text.Json;
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
}
