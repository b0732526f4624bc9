using System.Text.Json.Serialization;
using Staffing.Io;

namespace Staffing.Cli.Web;

// The web API's documents, as records: the OpenAPI document describes these schemas.

/// <summary>GET /api/centres: a search hit.</summary>
public sealed record CentreHit(string Code, string Name, string Area, string Locality, CentreKind Kind);

/// <summary>GET /api/centres/{code}: the schema of `staffing entitlement --format json`, plus the plan's rows.</summary>
public sealed record CentreCard(
    int Schema,
    IReadOnlyList<CentreEntitlement> Centres,
    IReadOnlyList<PlanRowEntry> Plan,
    IReadOnlyList<ItinerantEntry> Itinerants
);

public sealed record PlanRowEntry(
    Resource Resource,
    int Entitled,
    int Allocated,
    int Shortfall,
    string Rules,
    Funding Funding,
    string Reason
);

public sealed record ItinerantEntry(string Teacher, Stage Stage, string Centres, string Days, int FreeDays);

/// <summary>GET /api/areas.</summary>
public sealed record AreasDocument(string Status, IReadOnlyList<AreaTotal> Totals, IReadOnlyList<MapCentre> Centres);

public sealed record AreaTotal(
    string Area,
    Resource Resource,
    long Entitled,
    long Allocated,
    long Shortfall,
    decimal Cost
);

public sealed record MapCentre(
    string Code,
    string Name,
    string Area,
    double? Lat,
    double? Lon,
    double Share,
    int Shortfall
);

/// <summary>POST /api/what-if: the comparison of `staffing compare`.</summary>
public sealed record WhatIfResult(string Status, IReadOnlyList<WhatIfArea> Areas, IReadOnlyList<WhatIfCentre> Centres);

public sealed record WhatIfArea(
    string Area,
    Resource Resource,
    long BaseEntitled,
    long VariantEntitled,
    long BaseAllocated,
    long VariantAllocated,
    decimal BaseCost,
    decimal VariantCost,
    decimal DeltaCost,
    decimal DeltaEntitledCost
);

public sealed record WhatIfCentre(
    string Code,
    Resource Resource,
    int BaseEntitled,
    int VariantEntitled,
    int BaseAllocated,
    int VariantAllocated,
    string Reason
);

/// <summary>Every error the API answers: {"error": "…"}.</summary>
public sealed record ApiError(string Error);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    Converters = [
        typeof(VocabularyJsonConverter<Resource>),
        typeof(VocabularyJsonConverter<Stage>),
        typeof(VocabularyJsonConverter<Funding>),
        typeof(VocabularyJsonConverter<Ownership>),
        typeof(VocabularyJsonConverter<CentreKind>),
    ]
)]
[JsonSerializable(typeof(IEnumerable<CentreHit>))]
[JsonSerializable(typeof(CentreCard))]
[JsonSerializable(typeof(AreasDocument))]
[JsonSerializable(typeof(WhatIfResult))]
[JsonSerializable(typeof(ApiError))]
public sealed partial class WebJson : JsonSerializerContext;
