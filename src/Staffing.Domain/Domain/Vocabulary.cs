namespace Staffing.Domain;

public enum CentreKind
{
    CEIP,
    IES,
    CEIPSO,
    CRA,
}

public enum Ownership
{
    Public,
    Concertado,
}

public enum Stage
{
    Primary,
    Secondary,
}

/// <summary>The staff resources, in the order of pool.csv's list (the contract's sort order).</summary>
public enum Resource
{
    PrimarySupport,
    SecondarySupport,
    CraItinerant,
    PrimaryItinerant,
    SecondaryItinerant,
    PsychopedagogueDays,
    PtscDays,
    SecondaryPtsc,
}

public enum Funding
{
    Pool,
    Agreement,
}

public static class Vocabulary
{
    /// <summary>The weekdays of the EOEP week and of itinerants' days, as written in the files.</summary>
    public static readonly System.Collections.Immutable.ImmutableArray<string> Weekdays =
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
    ];

    public static readonly IReadOnlyList<Resource> Resources = Enum.GetValues<Resource>();

    private static readonly string[] ResourceNames =
    [
        "primary_support",
        "secondary_support",
        "cra_itinerant",
        "primary_itinerant",
        "secondary_itinerant",
        "psychopedagogue_days",
        "ptsc_days",
        "secondary_ptsc",
    ];

    public static string Name(this Resource r) => ResourceNames[(int)r];

    /// <summary>Any value of the vocabulary by its name in the files (a kind as written, e.g. CEIP).</summary>
    public static string Text(Enum value) =>
        value switch
        {
            Resource r => r.Name(),
            Stage s => s.Name(),
            Funding f => f.Name(),
            Ownership o => o.Name(),
            AcePooling a => a == AcePooling.Centre ? "centre" : "area",
            _ => value.ToString(),
        };

    public static bool TryParseResource(string text, out Resource resource)
    {
        var i = Array.IndexOf(ResourceNames, text.Trim().ToLowerInvariant());
        resource = i < 0 ? default : (Resource)i;
        return i >= 0;
    }

    public static string ResourceList => string.Join(", ", ResourceNames);

    public static string Name(this Stage s) => s == Stage.Primary ? "primary" : "secondary";

    public static string Name(this Funding f) => f == Funding.Pool ? "pool" : "agreement";

    public static string Name(this Ownership o) => o == Ownership.Public ? "public" : "concertado";

    public static bool TeachesPrimary(this CentreKind k) => k != CentreKind.IES;

    public static bool TeachesEso(this CentreKind k) => k is CentreKind.IES or CentreKind.CEIPSO;

    public static bool IsItinerant(this Resource r) => r is Resource.PrimaryItinerant or Resource.SecondaryItinerant;

    public static bool IsEoepDays(this Resource r) => r is Resource.PsychopedagogueDays or Resource.PtscDays;

    public static Stage StageOf(this Resource r) =>
        r is Resource.SecondarySupport or Resource.SecondaryItinerant or Resource.SecondaryPtsc
            ? Stage.Secondary
            : Stage.Primary;

    /// <summary>What one unit of the resource is, for messages.</summary>
    public static string Unit(this Resource r) =>
        r switch
        {
            Resource.PsychopedagogueDays or Resource.PtscDays => "days a week",
            Resource.PrimaryItinerant or Resource.SecondaryItinerant => "shares",
            _ => "posts",
        };
}
