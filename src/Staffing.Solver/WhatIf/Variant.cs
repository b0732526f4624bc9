using System.Text.Json;

namespace Staffing.WhatIf;

/// <summary>
/// A what-if applied to a scenario: policy parameters (checked as in policy.json) plus `pool_scale`, a factor on
/// every pool row. The one place the web API, the sweep and any other caller make a variant.
/// </summary>
public static class Variant
{
    public const string PoolScale = "pool_scale";

    public static Scenario Of(Scenario basis, IReadOnlyDictionary<string, JsonElement> overrides, string source)
    {
        var parameters = overrides.Where(kv => kv.Key != PoolScale).ToDictionary(kv => kv.Key, kv => kv.Value);
        var variant =
            parameters.Count == 0
                ? basis
                : basis with
                {
                    Policy = PolicyLoader.WithOverrides(basis.Policy, parameters, source),
                };
        if (!overrides.TryGetValue(PoolScale, out var f))
            return variant;
        if (!(f.ValueKind == JsonValueKind.Number && f.TryGetDecimal(out var scale) && scale is >= 0 and <= 10))
            throw InputException.Single(
                $"{source}: {PoolScale}: found {PolicyLoader.Describe(f)}, expected a number from 0 to 10"
            );
        return Scaled(variant, scale);
    }

    /// <summary>Every pool row times the factor, rounded down.</summary>
    public static Scenario Scaled(Scenario s, decimal factor) =>
        s with
        {
            Pool = s.Pool?.Select(p => p with { Amount = (int)Math.Floor(p.Amount * factor) }).ToList(),
        };
}
