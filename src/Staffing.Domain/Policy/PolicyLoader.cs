using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Staffing.Domain;

namespace Staffing.Domain;

/// <summary>
/// One parameter as declared in policy.defaults.json: its default value, its type and allowed range (which make
/// the check and its message), its unit and the instruction it comes from (or "project assumption"). The file says
/// them in English; people read them, like every other text, from the domain's resources in their language
/// (Param_NAME_unit, _source, _range_note), which a test keeps equal to the file in English.
/// </summary>
public sealed record ParameterInfo(
    string Name,
    JsonElement Value,
    string Type,
    decimal? Min,
    decimal? Max,
    IReadOnlyList<string>? Choices,
    bool Nullable,
    string? RangeNoteEnglish,
    string UnitEnglish,
    string SourceEnglish,
    bool HashDefault = true
)
{
    /// <summary>The parameter's text <paramref name="field"/> in the current language.</summary>
    private string In(string field, string english) =>
        Texts.ResourceManager.GetString($"Param_{Name}_{field}", CultureInfo.CurrentUICulture) ?? english;

    public string Unit => In("unit", UnitEnglish);

    public string Source => In("source", SourceEnglish);

    private string? RangeNote => RangeNoteEnglish is { } r ? In("range_note", r) : null;

    public string DefaultJson => Policy.Canonical(Value);

    /// <summary>What a value must be, in the words of the error messages.</summary>
    public string Expected =>
        Type switch
        {
            "integer" => (Nullable ? Texts.ExpectedNullOr : "")
                + Say.Format(Texts.ExpectedIntegerRange, Min, Max)
                + (RangeNote is null ? "" : $" ({RangeNote})"),
            "number" => Max is null
                ? Say.Format(Texts.ExpectedNumberAtLeast, Min)
                : Say.Format(Texts.ExpectedNumberRange, Min, Max),
            "boolean" => Texts.ExpectedTrueFalse,
            "choice" => OneOf(Choices!),
            "tiers" => Say.Format(Texts.ExpectedTiers, Min, Max),
            "need_map" => Say.Format(Texts.ExpectedNeedMap, Min, Max),
            _ => throw new InvalidOperationException($"policy.defaults.json: {Name} has an unknown type {Type}"),
        };

    /// <summary>Null when the value fits the declaration, else what was expected.</summary>
    public string? Check(JsonElement v) => Fits(v) ? null : Expected;

    private bool Fits(JsonElement v) =>
        Type switch
        {
            "integer" => (Nullable && v.ValueKind == JsonValueKind.Null) || IsInt(v, Min, Max),
            "number" => v.ValueKind == JsonValueKind.Number
                && v.TryGetDecimal(out var d)
                && d >= Min
                && (Max is null || d <= Max),
            "boolean" => v.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "choice" => v.ValueKind == JsonValueKind.String && Choices!.Contains(v.GetString()!),
            "tiers" => IsTiers(v),
            "need_map" => IsNeedMap(v),
            _ => false,
        };

    private bool IsTiers(JsonElement v)
    {
        if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() == 0)
            return false;
        var last = -1;
        foreach (var t in v.EnumerateArray())
        {
            if (t.ValueKind != JsonValueKind.Array || t.GetArrayLength() != 2)
                return false;
            if (!IsInt(t[0], 0, 1_000_000) || !IsInt(t[1], Min, Max))
                return false;
            var from = t[0].GetInt32();
            if (from <= last || (last < 0 && from != 0))
                return false;
            last = from;
        }
        return true;
    }

    private bool IsNeedMap(JsonElement v)
    {
        if (v.ValueKind != JsonValueKind.Object)
            return false;
        var keys = new HashSet<string>();
        foreach (var p in v.EnumerateObject())
            if (p.Name is not ("1" or "2" or "3") || !keys.Add(p.Name) || !IsInt(p.Value, Min, Max))
                return false;
        return keys.Count == 3;
    }

    private static bool IsInt(JsonElement v, decimal? min, decimal? max) =>
        v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) && i >= min && i <= max;

    private static string OneOf(IReadOnlyList<string> choices) =>
        Say.Format(
            Texts.ExpectedChoice,
            string.Join(", ", choices.Take(choices.Count - 1).Select(c => $"\"{c}\"")),
            $"\"{choices[^1]}\""
        );
}

/// <summary>The parameters' declarations, read once from the defaults file; every check and message comes from it.</summary>
public static class PolicyLoader
{
    private static readonly Lazy<IReadOnlyList<ParameterInfo>> DefaultsFile = new(LoadDefaultsFile);

    // Built apart from the declarations: a command that only lists them (`staffing rules`) never deserializes a policy.
    private static readonly Lazy<Policy> DefaultPolicy = new(() =>
        Build(Parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal))
    );

    /// <summary>Every parameter, in the defaults file's order.</summary>
    public static IReadOnlyList<ParameterInfo> Parameters => DefaultsFile.Value;

    public static Policy Defaults => DefaultPolicy.Value;

    public static IEnumerable<string> Names => Parameters.Select(p => p.Name).Order(StringComparer.Ordinal);

    public static ParameterInfo? Find(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    /// <summary>Applies the overrides of a policy.json text; errors are "policy.json: KEY: found X, expected Y".</summary>
    public static Policy Override(Policy basis, string json, string file, InputErrors errors)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(
                json,
                new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow }
            );
        }
        catch (JsonException ex)
        {
            errors.Add(
                file,
                (int)(ex.LineNumber ?? 0) + 1,
                (int)(ex.BytePositionInLine ?? 0) + 1,
                Say.Format(Texts.FoundMalformedJson, FirstSentence(ex.Message)),
                Texts.ExpectedOverrides
            );
            return basis;
        }
        using (doc)
        {
            if (JsonPositions.BrokenText(json) is { } broken)
            {
                errors.Add(file, broken.Line, broken.Column, Texts.FoundBrokenText, Texts.ExpectedText);
                return basis;
            }
            var at = JsonPositions.Of(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.AddKey(
                    file,
                    "(root)",
                    Describe(doc.RootElement),
                    Texts.ExpectedOverrides,
                    at.Root
                );
                return basis;
            }
            var overrides = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var index = 0;
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                var key = at.Keys.ElementAtOrDefault(index++);
                if (Find(p.Name) is null)
                    errors.AddKey(file, p.Name, Texts.FoundUnknownParameter, ExpectedParameter, key.Key);
                else if (overrides.ContainsKey(p.Name))
                    errors.AddKey(file, p.Name, Texts.FoundKeyTwice, Texts.ExpectedKeyOnce, key.Key);
                else
                    overrides[p.Name] = p.Value.Clone();
            }
            var values = at
                .Keys.GroupBy(k => k.Name)
                .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
            return With(basis, overrides, file, errors, values);
        }
    }

    /// <summary>Sets parameters from JSON values (a what-if or a sweep point) and checks them.</summary>
    public static Policy With(
        Policy basis,
        IReadOnlyDictionary<string, JsonElement> overrides,
        string file,
        InputErrors errors,
        IReadOnlyDictionary<string, (int Line, int Column)>? positions = null
    )
    {
        (int, int)? At(string key) => positions is not null && positions.TryGetValue(key, out var p) ? p : null;
        var values = basis.Values.ToDictionary(
            kv => kv.Key,
            kv => JsonDocument.Parse(kv.Value).RootElement,
            StringComparer.Ordinal
        );
        var before = errors.Count;
        foreach (var (name, value) in overrides)
        {
            if (Find(name) is not { } info)
                errors.AddKey(file, name, Texts.FoundUnknownParameter, ExpectedParameter, At(name));
            else if (info.Check(value) is { } problem)
                errors.AddKey(file, name, Describe(value), problem, At(name));
            else
                values[name] = value;
        }
        if (errors.Count > before)
            return basis;
        var policy = Build(values);
        foreach (var (key, problem) in CrossChecks(policy))
            if (overrides.ContainsKey(key))
                errors.AddKey(file, key, policy.Values[key], problem, At(key));
        if (policy.PsychoDayTiers.Any(t => t.Days is < 1 or > 3) || policy.PtscDaysByNeed.Any(d => d is < 1 or > 3))
            errors.Note(Say.Format(Texts.NoteEoepDaysOutside, file));
        return errors.Count > before ? basis : policy;
    }

    /// <summary>Overrides for a scenario already read (what-if, sweep): throws <see cref="InputException"/>.</summary>
    public static Policy WithOverrides(Policy basis, IReadOnlyDictionary<string, JsonElement> overrides, string source)
    {
        var errors = new InputErrors();
        var policy = With(basis, overrides, source, errors);
        if (errors.Count > 0)
            throw new InputException(errors.Messages, errors.Notes);
        return policy;
    }

    private static IEnumerable<(string Key, string Problem)> CrossChecks(Policy p)
    {
        if (p.SpecificGroupMin > p.SpecificGroupMax)
            yield return ("specific_group_min", Texts.ExpectedAtMostSpecificMax);
        if (p.AceReserved >= p.AceGroupMax)
            yield return ("ace_reserved", Texts.ExpectedLessThanAceMax);
        if (p.ItinerantShare < 2)
            yield return ("itinerant_share", Texts.ExpectedShareAtLeast2);
        // Reported on whichever of the two was set: a share above the default group max is as wrong as the reverse.
        if (p.ItinerantGroupMax < p.ItinerantShare)
        {
            yield return ("itinerant_group_max", Texts.ExpectedGroupAtLeastShare);
            yield return ("itinerant_share", Say.Format(Texts.ExpectedShareAtMostGroup, p.ItinerantGroupMax));
        }
        // Each centre of a group has at least one of the teacher's 5 days.
        if (p.ItinerantGroupMax > Policy.WeekDays)
            yield return ("itinerant_group_max", Texts.ExpectedGroupAtMost5);
    }

    /// <summary>The record from checked values, by System.Text.Json: snake-case names, no member left unmapped.</summary>
    private static Policy Build(Dictionary<string, JsonElement> values)
    {
        var obj = new JsonObject();
        foreach (var (k, v) in values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            obj[k] = JsonNode.Parse(v.GetRawText());
        var policy = obj.Deserialize(PolicyJson.Default.Policy)!;
        return policy with
        {
            Values = values.ToImmutableSortedDictionary(
                kv => kv.Key,
                kv => Policy.Canonical(kv.Value),
                StringComparer.Ordinal
            ),
        };
    }

    private static IReadOnlyList<ParameterInfo> LoadDefaultsFile()
    {
        using var stream =
            Assembly.GetExecutingAssembly().GetManifestResourceStream("policy.defaults.json")
            ?? throw new InvalidOperationException("policy.defaults.json is not embedded");
        using var doc = JsonDocument.Parse(stream);
        var info = new List<ParameterInfo>();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            var d =
                p.Value.Deserialize(PolicyJson.Default.Declaration)
                ?? throw new InvalidOperationException($"policy.defaults.json: {p.Name} is empty");
            var parameter = new ParameterInfo(
                p.Name,
                d.Value.Clone(),
                d.Type,
                d.Min,
                d.Max,
                d.Choices,
                d.Nullable,
                d.RangeNote,
                d.Unit,
                d.Source,
                d.HashDefault
            );
            if (parameter.Check(parameter.Value) is { } problem)
                throw new InvalidOperationException($"policy.defaults.json: {p.Name}: the default is not {problem}");
            info.Add(parameter);
        }
        return info;
    }

    private static string ExpectedParameter => Say.Format(Texts.ExpectedParameter, string.Join(", ", Names));

    public static string Describe(JsonElement v) =>
        v.ValueKind switch
        {
            JsonValueKind.String => "\"" + Truncate(v.GetString() ?? "") + "\"",
            JsonValueKind.Object => Texts.FoundObject,
            JsonValueKind.Array => Say.Format(Texts.FoundList, Truncate(v.GetRawText())),
            _ => Truncate(v.GetRawText()),
        };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(". ", StringComparison.Ordinal);
        return i < 0 ? message.TrimEnd('.') : message[..i];
    }
}

/// <summary>A parameter's entry in policy.defaults.json.</summary>
internal sealed record Declaration(
    JsonElement Value,
    string Type,
    string Unit,
    string Source,
    decimal? Min = null,
    decimal? Max = null,
    string[]? Choices = null,
    bool Nullable = false,
    string? RangeNote = null,
    bool HashDefault = true
);

[JsonSourceGenerationOptions(
    AllowDuplicateProperties = false,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true,
    UseStringEnumConverter = true
)]
[JsonSerializable(typeof(Policy))]
[JsonSerializable(typeof(Declaration))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class PolicyJson : JsonSerializerContext;
