using System.Text.Json.Serialization;
using Staffing.Io;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Web;

// The web API's documents, as records: the OpenAPI document describes these schemas.
// Why a record here beside the domain's: the API's fields are fixed (clients and the page read them), and where the
// files keep the contract's English the page reads words (a reason in the reader's language, a centre's name);
// where a domain record is exactly the answer it is served as it is (Holding for a run's locks).

/// <summary>GET /api/centres: a search hit.</summary>
internal sealed record CentreHit(string Code, string Name, string Area, string Locality, CentreKind Kind);

/// <summary>GET /api/centres/{code}: the schema of `staffing entitlement --format json`, plus the plan's rows.</summary>
internal sealed record CentreCard(
    int Schema,
    IReadOnlyList<CentreEntitlement> Centres,
    IReadOnlyList<PlanRowEntry> Plan,
    IReadOnlyList<ItinerantEntry> Itinerants
);

internal sealed record PlanRowEntry(
    Resource Resource,
    int Entitled,
    int Allocated,
    int Shortfall,
    string Rules,
    Funding Funding,
    string Reason
);

internal sealed record ItinerantEntry(string Teacher, Stage Stage, string Centres, string Days, int FreeDays);

/// <summary>GET /api/areas.</summary>
internal sealed record AreasDocument(string Status, IReadOnlyList<AreaTotal> Totals, IReadOnlyList<MapCentre> Centres);

internal sealed record AreaTotal(
    string Area,
    Resource Resource,
    long Entitled,
    long Allocated,
    long Shortfall,
    decimal Cost
);

internal sealed record MapCentre(
    string Code,
    string Name,
    string Area,
    double? Lat,
    double? Lon,
    double Share,
    int Shortfall,
    string Locality
);

/// <summary>POST /api/what-if: the comparison of `staffing compare`.</summary>
internal sealed record WhatIfResult(string Status, IReadOnlyList<WhatIfArea> Areas, IReadOnlyList<WhatIfCentre> Centres);

internal sealed record WhatIfArea(
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

internal sealed record WhatIfCentre(
    string Code,
    Resource Resource,
    int BaseEntitled,
    int VariantEntitled,
    int BaseAllocated,
    int VariantAllocated,
    string Reason,
    string Name = ""
);

/// <summary>GET /api/parameters: the what-if panel's parameters, each with its unit and legal source (policy.defaults.json).</summary>
internal sealed record WhatIfParameter(
    string Name,
    string Unit,
    string Source,
    string Type,
    decimal? Min,
    decimal? Max,
    string Value,
    bool Percent
);

/// <summary>GET /api/region: the region's totals by unit kind, then each area's, then every centre's, with names.</summary>
internal sealed record RegionDocument(
    string Status,
    IReadOnlyList<UnitRow> Totals,
    IReadOnlyList<AreaUnitRow> Areas,
    IReadOnlyList<RegionCentre> Centres
);

/// <summary>Entitled, allocated and short of one unit kind (posts, days a week, shares), never added across kinds.</summary>
internal sealed record UnitRow(string Unit, long Entitled, long Allocated, long Shortfall, decimal Cost);

internal sealed record AreaUnitRow(string Area, string Unit, long Entitled, long Allocated, long Shortfall, decimal Cost);

internal sealed record RegionCentre(
    string Code,
    string Name,
    string Area,
    string Locality,
    CentreKind Kind,
    Ownership Ownership,
    IReadOnlyList<UnitRow> Units,
    decimal Cost
);

/// <summary>GET /api/eoep: each team's week, person by person, a cell a weekday (the centre, or a reserved day).</summary>
internal sealed record EoepDocument(IReadOnlyList<EoepTeamWeek> Teams);

/// <summary>A team's week: every person of eoep.csv, and how many days of it go to centres (0: none this year).</summary>
internal sealed record EoepTeamWeek(
    string Eoep,
    string? Name,
    string Area,
    IReadOnlyList<EoepPersonWeek> People,
    int CompensatoryDays
);

internal sealed record EoepPersonWeek(string Person, string Role, IReadOnlyList<EoepDay> Days);

/// <summary>A weekday of one person: a centre (code and name), reserved for the team's duties, or not working.</summary>
internal sealed record EoepDay(string Weekday, string? Centre, string? Name, bool Reserved);

/// <summary>Every error the API answers: {"error": "…"}; a refused pin or re-plan adds the conflicts.</summary>
internal sealed record ApiError(string Error, IReadOnlyList<string>? Conflicts = null);

/// <summary>GET /api/session: who is signed in, what they may do, and the antiforgery token for changes.</summary>
internal sealed record SessionDocument(
    string? Name,
    string? Role,
    bool SignInRequired,
    bool CanPlan,
    bool Workspace,
    string Antiforgery
);

internal sealed record SignInRequest(string? Name, string? Password);

/// <summary>GET /api/runs: the served scenario's runs, newest first, and the adopted one.</summary>
internal sealed record RunsDocument(
    long Scenario,
    string ScenarioName,
    AdoptionEntry? Adopted,
    IReadOnlyList<RunEntry> Runs
);

internal sealed record AdoptionEntry(long Run, string Who, string AdoptedAt, string Note);

internal sealed record RunEntry(
    long Id,
    string Name,
    string Note,
    string Who,
    string CreatedAt,
    string Status,
    string Solver,
    long? Parent,
    int Pins,
    IReadOnlyList<UnitTotal> Shortfall,
    bool Adopted
);

/// <summary>GET /api/runs/{id}: a run, its pins (for the next run) and the locks it was solved with.</summary>
internal sealed record RunDetail(RunEntry Run, IReadOnlyList<PinEntry> Pins, IReadOnlyList<Holding> Locks);

internal sealed record PinEntry(
    long Id,
    string Code,
    Resource Resource,
    int Amount,
    string? Partner,
    string Who,
    string CreatedAt,
    string Text
);

/// <summary>POST /api/runs/{id}/pins: an allocation (amount) or, for an itinerant resource, a pair (partner).</summary>
internal sealed record PinRequest(string? Code, string? Resource, int? Amount, string? Partner, int? ExpectedPins);

internal sealed record ReplanRequest(string? Name, string? Note, double? TimeLimit);

/// <summary>A re-plan: queued (position), solving, done (run) or failed (error, conflicts).</summary>
internal sealed record JobEntry(
    long Id,
    long From,
    string State,
    int Position,
    double Seconds,
    long? Run,
    string? Error,
    IReadOnlyList<string> Conflicts
);

internal sealed record AnnotateRequest(string? Name, string? Note);

/// <summary>GET /api/diff: what moves between two runs (areas, centres that gain or lose, partners that change).</summary>
internal sealed record DiffDocument(
    long Base,
    long Variant,
    IReadOnlyList<WhatIfArea> Areas,
    IReadOnlyList<DiffCentre> Centres,
    IReadOnlyList<DiffPartner> Partners
);

internal sealed record DiffCentre(
    string Code,
    string Name,
    Resource Resource,
    int BaseAllocated,
    int VariantAllocated,
    string Change,
    string Reason,
    string Cause
);

/// <remarks><paramref name="Cause"/>: "pin" when a pin forced the change, else "pool".</remarks>
internal sealed record DiffPartner(string Code, string Name, Stage Stage, string? Before, string? After, string Cause);

[JsonSourceGenerationOptions(
    AllowDuplicateProperties = false,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    Converters = [typeof(VocabularyJsonConverter)]
)]
[JsonSerializable(typeof(IEnumerable<CentreHit>))]
[JsonSerializable(typeof(CentreCard))]
[JsonSerializable(typeof(AreasDocument))]
[JsonSerializable(typeof(WhatIfResult))]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(SessionDocument))]
[JsonSerializable(typeof(SignInRequest))]
[JsonSerializable(typeof(RunsDocument))]
[JsonSerializable(typeof(RunDetail))]
[JsonSerializable(typeof(PinRequest))]
[JsonSerializable(typeof(PinEntry))]
[JsonSerializable(typeof(ReplanRequest))]
[JsonSerializable(typeof(JobEntry))]
[JsonSerializable(typeof(AnnotateRequest))]
[JsonSerializable(typeof(DiffDocument))]
[JsonSerializable(typeof(AdoptionEntry))]
[JsonSerializable(typeof(RegionDocument))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyList<WhatIfParameter>))]
[JsonSerializable(typeof(EoepDocument))]
internal sealed partial class WebJson : JsonSerializerContext;
