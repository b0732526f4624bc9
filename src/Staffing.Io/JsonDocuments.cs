using System.Text.Json;
using System.Text.Json.Serialization;
using Staffing.Rules;

namespace Staffing.Io;

// One record per JSON document the program writes (and the web API returns), serialized by a source-generated
// context so the names, order and schema are the records' own.

/// <summary>summary.json of a plan folder.</summary>
public sealed record PlanSummary(
    string Status,
    SolverSummary Solver,
    string InputHash,
    double Seconds,
    IReadOnlyList<LevelSummary> Levels,
    long? Objective,
    long? Bound,
    double? Gap,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, ResourceTotal>> Areas,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, ResourceTotal>> Agreement
);

public sealed record SolverSummary(string Name, string Version, string Parameters, int Workers, int Seed);

public sealed record LevelSummary(string Name, long Objective, long? Bound, double? Gap, double Seconds);

public sealed record ResourceTotal(long Entitled, long Allocated, long Shortfall, decimal Cost);

/// <summary>`staffing entitlement --format json`: the versioned schema.</summary>
public sealed record EntitlementDocument(int Schema, IReadOnlyList<CentreEntitlement> Centres);

/// <summary>One centre's entitlement with its full trace (also the web API's centre).</summary>
public sealed record CentreEntitlement(
    string Code,
    string Name,
    string Area,
    string Locality,
    CentreKind Kind,
    Ownership Ownership,
    bool PreferredAction,
    IReadOnlyList<ResourceEntitlement> Resources,
    IReadOnlyList<TraceEntry> Trace,
    CentreIndicators Indicators,
    IReadOnlyList<CliffEdgeEntry> CliffEdges
);

/// <summary>A rule's line of the trace in the reader's words; <paramref name="DecidedByReading"/> is not written.</summary>
public sealed record TraceEntry(
    string Rule,
    string Instruction,
    bool Applied,
    string Because,
    string Text,
    string Reading,
    [property: JsonIgnore] bool DecidedByReading
);

public sealed record ResourceEntitlement(Resource Resource, int Entitled, string Rules, Funding Funding, string Reason);

public sealed record CentreIndicators(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StageIndicatorEntry? Primary,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StageIndicatorEntry? Secondary
);

public sealed record StageIndicatorEntry(
    int Pupils,
    int Compensatory,
    int GroupsNeeded,
    decimal SupportHoursPerPupil,
    string Flag,
    bool SaiReferral,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? SpecificGroups,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? AceGroups
);

public sealed record CliffEdgeEntry(
    Stage Stage,
    int Change,
    Resource? Resource,
    int From,
    int To,
    string Rule,
    string Text
);

/// <summary>
/// The one converter list of every JSON context: resources, stages, funding, ownership and centre kinds by their
/// names in the files.
/// </summary>
public sealed class VocabularyJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => CreateConverter(typeToConvert, null!) is not null;

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        typeToConvert switch
        {
            _ when typeToConvert == typeof(Resource) => new VocabularyJsonConverter<Resource>(),
            _ when typeToConvert == typeof(Stage) => new VocabularyJsonConverter<Stage>(),
            _ when typeToConvert == typeof(Funding) => new VocabularyJsonConverter<Funding>(),
            _ when typeToConvert == typeof(Ownership) => new VocabularyJsonConverter<Ownership>(),
            _ when typeToConvert == typeof(CentreKind) => new VocabularyJsonConverter<CentreKind>(),
            _ => null,
        };
}

/// <summary>A value of the vocabulary by its name in the files (centre kinds as written).</summary>
public sealed class VocabularyJsonConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? "";
        foreach (var value in Enum.GetValues<T>())
            if (Name(value) == text)
                return value;
        throw new JsonException(
            Say.Format(
                Say.DomainFoundExpected,
                $"\"{text}\"",
                Say.Format(Texts.ExpectedOneOf, string.Join(", ", Enum.GetValues<T>().Select(Name)))
            )
        );
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Name(value));

    private static string Name(T value) => Vocabulary.Text(value);
}

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    Converters = [typeof(VocabularyJsonConverter)]
)]
[JsonSerializable(typeof(PlanSummary))]
[JsonSerializable(typeof(EntitlementDocument))]
[JsonSerializable(typeof(CentreEntitlement))]
public sealed partial class StaffingJson : JsonSerializerContext;

/// <summary>For reading a document back: every member present, none unknown, no null where the record has none.</summary>
[JsonSourceGenerationOptions(
    AllowDuplicateProperties = false,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters = [typeof(VocabularyJsonConverter)]
)]
[JsonSerializable(typeof(PlanSummary))]
public sealed partial class StrictJson : JsonSerializerContext;

/// <summary>The documents built from the domain.</summary>
public static class Documents
{
    public const int EntitlementSchema = 1;

    public static CentreEntitlement Centre(Policy p, Centre c, Wording wording)
    {
        var e = RuleBook.Entitle(c, p);
        var trace = RuleBook.Trace(c, p);
        StageIndicatorEntry? Stage(Stage stage)
        {
            if (!c.Teaches(stage))
                return null;
            var posts =
                stage == Domain.Stage.Primary ? e.Facts.PrimaryPosts + e.Facts.CraPosts : e.Facts.SecondaryPosts;
            var i = StageIndicators.For(c, stage, p, posts, 0);
            var eso = stage == Domain.Stage.Secondary;
            return new StageIndicatorEntry(
                c.Pupils(stage),
                i.Compensatory,
                i.GroupsNeeded,
                i.SupportHoursPerPupil,
                i.Flag,
                i.SaiReferral,
                eso ? i.SpecificGroups : null,
                eso ? i.AceGroups : null
            );
        }
        return new CentreEntitlement(
            c.Code,
            c.Name,
            c.Area,
            c.Locality,
            c.Kind,
            c.Ownership,
            e.Facts.Priority,
            [
                .. e
                    .Lines.OrderBy(l => l.Resource)
                    .Select(l => new ResourceEntitlement(
                        l.Resource,
                        l.Entitled,
                        l.Rules,
                        l.Funding,
                        wording.Read(EntitlementWriter.Reason(l, trace))
                    )),
            ],
            [
                .. trace.Select(t => new TraceEntry(
                    t.Rule,
                    wording.Read(t.Instruction),
                    t.Applied,
                    wording.Read(t.Because),
                    t.Text,
                    wording.Read(t.Reading),
                    Rule.DecidedByReading(t.Applied, t.Reading)
                )),
            ],
            new CentreIndicators(Stage(Domain.Stage.Primary), Stage(Domain.Stage.Secondary)),
            [
                .. CliffEdges
                    .Of(c, p)
                    .Select(x => new CliffEdgeEntry(x.Stage, x.Change, x.Resource, x.From, x.To, x.Rule, wording.Read(x.Text))),
            ]
        );
    }

    public static PlanSummary Summary(Scenario scenario, Plan plan)
    {
        var last = plan.Levels.LastOrDefault();
        return new PlanSummary(
            plan.Status,
            new SolverSummary(
                plan.Solver.Name,
                plan.Solver.Version,
                plan.Solver.Parameters,
                plan.Solver.Workers,
                plan.Solver.Seed
            ),
            plan.InputHash,
            Math.Round(plan.Seconds, 3),
            [
                .. plan.Levels.Select(l => new LevelSummary(
                    l.Name,
                    l.Objective,
                    l.Bound,
                    Gap(l.Gap),
                    Math.Round(l.Seconds, 3)
                )),
            ],
            last?.Objective,
            last?.Bound,
            Gap(last?.Gap),
            AreaTotals(scenario, plan.Lines.Where(l => l.Funding == Funding.Pool)),
            AreaTotals(scenario, plan.Lines.Where(l => l.Funding == Funding.Agreement))
        );
    }

    private static double? Gap(double? gap) => gap is { } g ? Math.Round(g, 6) : null;

    /// <summary>summary.json's shape of the areas' totals: area, then resource by its name.</summary>
    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, ResourceTotal>> AreaTotals(
        Scenario scenario,
        IEnumerable<PlanLine> lines
    ) =>
        Totals
            .Of(scenario, lines)
            .GroupBy(t => t.Area)
            .ToDictionary(
                g => g.Key,
                g =>
                    (IReadOnlyDictionary<string, ResourceTotal>)
                        g.ToDictionary(
                            t => t.Resource.Name(),
                            t => new ResourceTotal(t.Entitled, t.Allocated, t.Shortfall, t.Cost)
                        )
            );
}
