namespace Staffing.Domain;

public sealed record Centre(
    string Code,
    string Name,
    string Area,
    string Locality,
    CentreKind Kind,
    Ownership Ownership,
    int PrimaryPupils,
    int PrimaryComp,
    int Cycles,
    int EsoPupils,
    int EsoComp,
    bool ItinerantJustified,
    int PtscNeed,
    int NoSpanish,
    bool Programme,
    string? Eoep,
    double? Lat,
    double? Lon,
    int SpecificGroupPupils,
    int AcePupils
)
{
    /// <summary>Pupils in infant education (optional input): counted by P-PRIORITY only with priority_base centre.</summary>
    public int InfantPupils { get; init; }

    /// <summary>Infant pupils with the needs described (optional input).</summary>
    public int InfantComp { get; init; }

    public bool IsPublic => Ownership == Ownership.Public;

    public int Comp(Stage stage) => stage == Stage.Primary ? PrimaryComp : EsoComp;

    public int Pupils(Stage stage) => stage == Stage.Primary ? PrimaryPupils : EsoPupils;

    public bool Teaches(Stage stage) => stage == Stage.Primary ? Kind.TeachesPrimary() : Kind.TeachesEso();

    /// <summary>A centre of the given kind with every optional field at its contract default.</summary>
    public static Centre Create(
        string code,
        CentreKind kind,
        int primaryPupils = 0,
        int primaryComp = 0,
        int esoPupils = 0,
        int esoComp = 0,
        string area = "A",
        string locality = "L"
    ) =>
        new(
            code,
            code,
            area,
            locality,
            kind,
            Ownership.Public,
            primaryPupils,
            primaryComp,
            3,
            esoPupils,
            esoComp,
            false,
            1,
            0,
            primaryComp + esoComp > 0,
            null,
            null,
            null,
            0,
            0
        );
}

/// <summary>An area's (or, with Area "*", the whole region's) amount of one resource.</summary>
public sealed record PoolRow(string Area, Resource Resource, int Amount)
{
    public const string AllAreas = "*";
}

/// <remarks><paramref name="Name"/>: optional in eoep.csv, shown beside the code where people read the team.</remarks>
public sealed record EoepTeam(string Code, string Area, int Psychopedagogues, int Ptsc, string? Name = null);

/// <summary>A row of current.csv (this year's staffing) or of locks.csv (a planner's fixed decision).</summary>
public sealed record Holding(string Code, Resource Resource, int Amount, string? Partner);

/// <summary>A row of trends.csv: growth and spread of compensatory pupils for a centre or an area.</summary>
public sealed record Trend(string? Code, string? Area, double Growth, double? Spread);

public sealed record Scenario(
    IReadOnlyList<Centre> Centres,
    IReadOnlyList<PoolRow>? Pool,
    IReadOnlyList<EoepTeam>? Teams,
    IReadOnlyList<Holding>? Current,
    IReadOnlyList<Holding>? Locks,
    Policy Policy
)
{
    /// <summary>What reading detected or ignored (encoding, separator, unknown columns), for stderr.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    private readonly Dictionary<string, Centre> byCode = Centres.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public Centre? Find(string code) => byCode.GetValueOrDefault(code);

    public IEnumerable<string> Areas => Centres.Select(c => c.Area).Distinct().Order(StringComparer.Ordinal);
}
