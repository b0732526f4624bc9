using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Staffing.Domain;

namespace Staffing.Policy;

/// <summary>One documented parameter of the defaults file.</summary>
public sealed record ParameterInfo(string Name, string DefaultJson, string Unit, string Source);

public static class PolicyLoader
{
    private enum Kind { Int, PositiveInt, Decimal, Fraction, Bool, Rounding, CountStages, Tiers, NeedMap, IntOrNull, Days }

    private static readonly Dictionary<string, Kind> Kinds = new(StringComparer.Ordinal)
    {
        ["primary_ratio"] = Kind.PositiveInt, ["cycle_cap"] = Kind.Int, ["rounding"] = Kind.Rounding,
        ["itinerant_share"] = Kind.PositiveInt, ["priority_threshold"] = Kind.Fraction, ["priority_strict"] = Kind.Bool,
        ["psycho_day_tiers"] = Kind.Tiers, ["psycho_count_stages"] = Kind.CountStages, ["ptsc_days_by_need"] = Kind.NeedMap,
        ["cra_ratio"] = Kind.PositiveInt, ["cra_requires_priority"] = Kind.Bool, ["concertado_in_pool"] = Kind.Bool,
        ["secondary_ratio"] = Kind.PositiveInt, ["secondary_cap"] = Kind.Int, ["ceipso_secondary_rules"] = Kind.Bool,
        ["secondary_ptsc_min_support"] = Kind.PositiveInt, ["support_group_max"] = Kind.PositiveInt,
        ["support_hours_max"] = Kind.PositiveInt, ["min_support_hours"] = Kind.Decimal,
        ["specific_group_min"] = Kind.PositiveInt, ["specific_group_max"] = Kind.PositiveInt,
        ["ace_group_max"] = Kind.PositiveInt, ["ace_reserved"] = Kind.Int,
        ["teaching_hours_primary"] = Kind.PositiveInt, ["teaching_hours_secondary"] = Kind.PositiveInt,
        ["hours_per_day"] = Kind.PositiveInt, ["eoep_reserved_days"] = Kind.Days,
        ["cost_primary_post"] = Kind.Decimal, ["cost_secondary_post"] = Kind.Decimal, ["cost_eoep_day"] = Kind.Decimal,
        ["max_loss_per_centre"] = Kind.IntOrNull,
    };

    private static readonly Lazy<(IReadOnlyList<ParameterInfo> Info, Policy Policy)> DefaultsFile = new(LoadDefaultsFile);

    public static IReadOnlyList<ParameterInfo> Parameters => DefaultsFile.Value.Info;

    public static Policy Defaults => DefaultsFile.Value.Policy;

    public static IEnumerable<string> Names => Kinds.Keys.Order(StringComparer.Ordinal);

    /// <summary>Applies the overrides of a policy.json text; errors are "policy.json: KEY: found X, expected Y".</summary>
    public static Policy Override(Policy basis, string json, string file, InputErrors errors)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            errors.Add(file, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1,
                "malformed JSON (" + FirstSentence(ex.Message) + ")", "a JSON object of parameter overrides");
            return basis;
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.AddKey(file, "(root)", Describe(doc.RootElement), "a JSON object of parameter overrides");
                return basis;
            }
            var overrides = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (!Kinds.ContainsKey(p.Name))
                    errors.AddKey(file, p.Name, "an unknown parameter", "one of " + string.Join(", ", Names));
                else if (overrides.ContainsKey(p.Name))
                    errors.AddKey(file, p.Name, "the key twice", "each parameter once");
                else
                    overrides[p.Name] = p.Value.Clone();
            }
            return With(basis, overrides, file, errors);
        }
    }

    /// <summary>Sets parameters from JSON values (a what-if or a sweep point) and checks them.</summary>
    public static Policy With(Policy basis, IReadOnlyDictionary<string, JsonElement> overrides, string file, InputErrors errors)
    {
        var values = basis.Values.ToDictionary(kv => kv.Key, kv => JsonDocument.Parse(kv.Value).RootElement, StringComparer.Ordinal);
        var before = errors.Count;
        foreach (var (name, value) in overrides)
        {
            if (!Kinds.TryGetValue(name, out var kind))
            {
                errors.AddKey(file, name, "an unknown parameter", "one of " + string.Join(", ", Names));
                continue;
            }
            var problem = Check(kind, value);
            if (problem is not null) errors.AddKey(file, name, Describe(value), problem);
            else values[name] = value;
        }
        if (errors.Count > before) return basis;
        var policy = Build(values);
        foreach (var (key, problem) in CrossChecks(policy))
            if (overrides.ContainsKey(key)) errors.AddKey(file, key, policy.Values[key], problem);
        return errors.Count > before ? basis : policy;
    }

    /// <summary>Parses JSON text of policy overrides for a scenario already read (what-if, sweep).</summary>
    public static Policy WithOverrides(Policy basis, IReadOnlyDictionary<string, JsonElement> overrides, string source)
    {
        var errors = new InputErrors();
        var policy = PolicyLoader.With(basis, overrides, source, errors);
        if (errors.Count > 0) throw new InputException(errors.Messages, errors.Notes);
        return policy;
    }

    private static IEnumerable<(string Key, string Problem)> CrossChecks(Policy p)
    {
        if (p.SpecificGroupMin > p.SpecificGroupMax)
            yield return ("specific_group_min", "at most specific_group_max");
        if (p.AceReserved >= p.AceGroupMax)
            yield return ("ace_reserved", "less than ace_group_max");
        if (p.ItinerantShare < 2)
            yield return ("itinerant_share", "at least 2 (a share is between centres)");
    }

    private static string? Check(Kind kind, JsonElement v)
    {
        switch (kind)
        {
            case Kind.Int: return IsInt(v, 0, 1_000_000) ? null : "an integer from 0 to 1000000";
            case Kind.PositiveInt: return IsInt(v, 1, 1_000_000) ? null : "an integer from 1 to 1000000";
            case Kind.Days: return IsInt(v, 0, Policy.WeekDays - 1) ? null : "an integer from 0 to 4 (days a week)";
            case Kind.IntOrNull: return v.ValueKind == JsonValueKind.Null || IsInt(v, 0, 1_000_000) ? null : "null or an integer from 0 to 1000000";
            case Kind.Decimal: return v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) && d >= 0 ? null : "a number ≥ 0";
            case Kind.Fraction: return v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var f) && f >= 0 && f <= 1 ? null : "a number from 0 to 1";
            case Kind.Bool: return v.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "true or false";
            case Kind.Rounding: return v.ValueKind == JsonValueKind.String && v.GetString() is "floor" or "ceil" or "nearest" ? null : "\"floor\", \"ceil\" or \"nearest\"";
            case Kind.CountStages: return v.ValueKind == JsonValueKind.String && v.GetString() is "primary" or "both" ? null : "\"primary\" or \"both\"";
            case Kind.Tiers:
                {
                    const string expected = "a list of [from pupils, days] pairs, from ascending and starting at 0, days 0 to 5";
                    if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() == 0) return expected;
                    var last = -1;
                    foreach (var t in v.EnumerateArray())
                    {
                        if (t.ValueKind != JsonValueKind.Array || t.GetArrayLength() != 2) return expected;
                        if (!IsInt(t[0], 0, 1_000_000) || !IsInt(t[1], 0, Policy.WeekDays)) return expected;
                        var from = t[0].GetInt32();
                        if (from <= last || (last < 0 && from != 0)) return expected;
                        last = from;
                    }
                    return null;
                }
            case Kind.NeedMap:
                {
                    const string expected = "an object with keys \"1\", \"2\", \"3\" and days 0 to 5";
                    if (v.ValueKind != JsonValueKind.Object) return expected;
                    var keys = new HashSet<string>();
                    foreach (var p in v.EnumerateObject())
                    {
                        if (p.Name is not ("1" or "2" or "3") || !keys.Add(p.Name) || !IsInt(p.Value, 0, Policy.WeekDays)) return expected;
                    }
                    return keys.Count == 3 ? null : expected;
                }
        }
        return "a valid value";
    }

    private static bool IsInt(JsonElement v, int min, int max) =>
        v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) && i >= min && i <= max;

    private static Policy Build(Dictionary<string, JsonElement> v)
    {
        int I(string k) => v[k].GetInt32();
        decimal D(string k) => v[k].GetDecimal();
        bool B(string k) => v[k].GetBoolean();
        return new Policy
        {
            PrimaryRatio = I("primary_ratio"),
            CycleCap = I("cycle_cap"),
            Rounding = Enum.Parse<Rounding>(v["rounding"].GetString()!, ignoreCase: true),
            ItinerantShare = I("itinerant_share"),
            PriorityThreshold = D("priority_threshold"),
            PriorityStrict = B("priority_strict"),
            PsychoDayTiers = [.. v["psycho_day_tiers"].EnumerateArray().Select(t => new DayTier(t[0].GetInt32(), t[1].GetInt32()))],
            PsychoCountStages = Enum.Parse<CountStages>(v["psycho_count_stages"].GetString()!, ignoreCase: true),
            PtscDaysByNeed = [.. Enumerable.Range(1, 3).Select(n => v["ptsc_days_by_need"].GetProperty(n.ToString(CultureInfo.InvariantCulture)).GetInt32())],
            CraRatio = I("cra_ratio"),
            CraRequiresPriority = B("cra_requires_priority"),
            ConcertadoInPool = B("concertado_in_pool"),
            SecondaryRatio = I("secondary_ratio"),
            SecondaryCap = I("secondary_cap"),
            CeipsoSecondaryRules = B("ceipso_secondary_rules"),
            SecondaryPtscMinSupport = I("secondary_ptsc_min_support"),
            SupportGroupMax = I("support_group_max"),
            SupportHoursMax = I("support_hours_max"),
            MinSupportHours = D("min_support_hours"),
            SpecificGroupMin = I("specific_group_min"),
            SpecificGroupMax = I("specific_group_max"),
            AceGroupMax = I("ace_group_max"),
            AceReserved = I("ace_reserved"),
            TeachingHoursPrimary = I("teaching_hours_primary"),
            TeachingHoursSecondary = I("teaching_hours_secondary"),
            HoursPerDay = I("hours_per_day"),
            EoepReservedDays = I("eoep_reserved_days"),
            CostPrimaryPost = D("cost_primary_post"),
            CostSecondaryPost = D("cost_secondary_post"),
            CostEoepDay = D("cost_eoep_day"),
            MaxLossPerCentre = v["max_loss_per_centre"].ValueKind == JsonValueKind.Null ? null : I("max_loss_per_centre"),
            Values = v.ToImmutableSortedDictionary(kv => kv.Key, kv => Policy.Canonical(kv.Value), StringComparer.Ordinal),
        };
    }

    private static (IReadOnlyList<ParameterInfo>, Policy) LoadDefaultsFile()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("policy.defaults.json")
            ?? throw new InvalidOperationException("policy.defaults.json is not embedded");
        using var doc = JsonDocument.Parse(stream);
        var info = new List<ParameterInfo>();
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            var value = p.Value.GetProperty("value").Clone();
            if (!Kinds.TryGetValue(p.Name, out var kind) || Check(kind, value) is { } problem)
                throw new InvalidOperationException($"policy.defaults.json: {p.Name} is not a valid parameter");
            values[p.Name] = value;
            info.Add(new ParameterInfo(p.Name, Policy.Canonical(value), p.Value.GetProperty("unit").GetString()!, p.Value.GetProperty("source").GetString()!));
        }
        var missing = Kinds.Keys.Except(values.Keys).ToList();
        if (missing.Count > 0) throw new InvalidOperationException("policy.defaults.json lacks " + string.Join(", ", missing));
        return (info, Build(values));
    }

    private static string Describe(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => "\"" + v.GetString() + "\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list " + Truncate(v.GetRawText()),
        _ => Truncate(v.GetRawText()),
    };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(". ", StringComparison.Ordinal);
        return i < 0 ? message.TrimEnd('.') : message[..i];
    }
}
