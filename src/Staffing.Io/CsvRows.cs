using CsvHelper.Configuration.Attributes;

namespace Staffing.Io;

// One record per row of each CSV file the program writes; the column names are the members' names in snake case,
// in this order (docs/scenario-format.md lists them with their meaning). An explained column (reason, finding, text,
// warning) is followed at the end by its *_json twin: the same explanation as a value the program reads back
// (ExplanationJson), so a folder is worded again in any language.
// Why a row record beside the domain's (PlanLine, Centre, EquityRow, CentreChange): the contract fixes a file's
// columns, their order and their English values, and joins for people (names, localities, *_json) that the domain
// record does not hold; a domain record whose members are exactly a file's columns is written as it is (PoolRow,
// Holding).

/// <summary>The name, locality and area that follow a code in the tables people read ("" for a centre not found).</summary>
public static class CentreColumns
{
    public static (string Name, string Locality, string Area) Of(Centre? c) =>
        (c?.Name ?? "", c?.Locality ?? "", c?.Area ?? "");
}

public sealed record PlanCsvRow(
    string Code,
    Resource Resource,
    int Entitled,
    int Allocated,
    int Shortfall,
    string Rules,
    Funding Funding,
    string Reason,
    string Name,
    string Locality,
    string Area,
    string ReasonJson
);

/// <remarks><paramref name="CentreName"/>, <paramref name="EoepName"/>: for people, after the contract's columns.</remarks>
public sealed record ScheduleCsvRow(
    string Eoep,
    string Person,
    string Role,
    string Weekday,
    string? Centre,
    string? CentreName,
    string? EoepName
);

public sealed record IndicatorCsvRow(
    string Code,
    Stage Stage,
    int Compensatory,
    int GroupsNeeded,
    [property: Format("0.##")] decimal SupportHoursPerPupil,
    string Flag,
    bool SaiReferral,
    int SpecificGroups,
    int AceGroups
);

/// <summary>indicators-areas.csv: G-ACE per area, counted as ace_pooling says.</summary>
public sealed record AceAreaCsvRow(string Area, int Centres, int AcePupils, int AceGroups, AcePooling AcePooling);

public sealed record EntitlementCsvRow(string Code, Resource Resource, int Entitled, string Rules, string Reason);

public sealed record NearThresholdCsvRow(
    string Code,
    Stage Stage,
    int Change,
    Resource? Resource,
    int From,
    int To,
    string Rule,
    string Text,
    string TextJson
);

public sealed record AuditCsvRow(
    string Code,
    Resource Resource,
    int? Held,
    int Entitled,
    int? Difference,
    string Finding,
    string Rules,
    string Name,
    string Locality,
    string Area,
    string FindingJson
);

public sealed record AuditAreaCsvRow(
    string Area,
    Resource Resource,
    int Held,
    int Entitled,
    int Difference,
    int OverStaffed,
    int UnderStaffed,
    int NotGiven,
    int NotGivenEntitled
);

public sealed record CompareAreaCsvRow(
    string Area,
    Resource Resource,
    long BaseEntitled,
    long VariantEntitled,
    long BaseAllocated,
    long VariantAllocated,
    decimal BaseCost,
    decimal VariantCost,
    decimal DeltaCost,
    long BaseShortfall,
    long VariantShortfall,
    decimal BaseEntitledCost,
    decimal VariantEntitledCost,
    decimal DeltaEntitledCost
);

public sealed record CompareCentreCsvRow(
    string Code,
    Resource Resource,
    int BaseEntitled,
    int VariantEntitled,
    int BaseAllocated,
    int VariantAllocated,
    string Reason,
    string Name,
    string Locality,
    string Area,
    string ReasonJson
);

public sealed record CompareEquityCsvRow(
    string Level,
    string Area,
    Stage Stage,
    [property: Format("0.0000"), Name("base_posts_per_100")] double? BasePostsPer100,
    [property: Format("0.0000"), Name("variant_posts_per_100")] double? VariantPostsPer100,
    [property: Format("0.0000"), Name("base_eoep_days_per_100")] double? BaseEoepDaysPer100,
    [property: Format("0.0000"), Name("variant_eoep_days_per_100")] double? VariantEoepDaysPer100,
    [property: Format("0.0000")] double? BaseCoverageGini,
    [property: Format("0.0000")] double? VariantCoverageGini,
    int? BaseAbovePriorityLine,
    int VariantAbovePriorityLine,
    [property: Format("0.0000")] double? BaseConcertadoRatio,
    [property: Format("0.0000")] double? VariantConcertadoRatio,
    [property: Format("0.0000")] double? BaseSectorDissimilarity,
    [property: Format("0.0000")] double? VariantSectorDissimilarity
);

public sealed record SweepCsvRow(
    decimal Value,
    string Area,
    Resource Resource,
    long Entitled,
    long Allocated,
    long Shortfall,
    decimal Cost
);

public sealed record SimulateAreaCsvRow(
    string Area,
    Resource Resource,
    [property: Format("0.##")] double NeedP10,
    [property: Format("0.##")] double NeedP50,
    [property: Format("0.##")] double NeedP90,
    [property: Format("0.##")] double ShortfallP10,
    [property: Format("0.##")] double ShortfallP50,
    [property: Format("0.##")] double ShortfallP90
);

public sealed record SimulateCentreCsvRow(
    string Code,
    [property: Format("0.##")] double PGainPost,
    [property: Format("0.##")] double PLosePost,
    [property: Format("0.##")] double PCrossPriority,
    string Name,
    string Locality,
    string Area
);

public sealed record EquityCsvRow(
    string Level,
    string Area,
    string Locality,
    Stage Stage,
    int Centres,
    long Pupils,
    long Compensatory,
    [property: Format("0.0000")] double? Dissimilarity,
    [property: Format("0.0000")] double? DissimilarityLow,
    [property: Format("0.0000")] double? DissimilarityHigh,
    [property: Format("0.0000")] double? Isolation,
    [property: Format("0.0000")] double? Exposure,
    [property: Format("0.0000")] double? Gini,
    string Warning,
    int AbovePriorityLine,
    [property: Format("0.0000"), Name("posts_per_100")] double? PostsPer100,
    [property: Format("0.0000"), Name("eoep_days_per_100")] double? EoepDaysPer100,
    [property: Format("0.0000")] double? CoverageGini,
    [property: Format("0.0000")] double? PublicShareCompensatory,
    [property: Format("0.0000")] double? PublicSharePupils,
    [property: Format("0.0000")] double? PublicRatio,
    [property: Format("0.0000")] double? ConcertadoShareCompensatory,
    [property: Format("0.0000")] double? ConcertadoSharePupils,
    [property: Format("0.0000")] double? ConcertadoRatio,
    [property: Format("0.0000")] double? SectorDissimilarity,
    string WarningJson
);

// The input files, as the generator writes them.

public sealed record CentreCsvRow(
    string Code,
    string Name,
    string Area,
    string Locality,
    CentreKind Kind,
    Ownership Ownership,
    int? PrimaryPupils,
    int? PrimaryComp,
    int Cycles,
    int? EsoPupils,
    int? EsoComp,
    bool ItinerantJustified,
    int PtscNeed,
    int NoSpanish,
    bool Programme,
    string? Eoep,
    double? Lat,
    double? Lon,
    int SpecificGroupPupils,
    int AcePupils
);

public sealed record EoepCsvRow(string Eoep, string Area, int Psychopedagogues, int Ptsc, string? Name);

/// <summary>diff-partners.csv: a centre whose itinerant partners change between two runs.</summary>
public sealed record PartnerChangeCsvRow(
    string Code,
    Stage Stage,
    string? BasePartners,
    string? VariantPartners,
    string Name,
    string Locality,
    string Area
);
