using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Staffing.Policy;

public enum Rounding { Floor, Ceil, Nearest }

public enum CountStages { Primary, Both }

public sealed record DayTier(int From, int Days);

/// <summary>
/// Every policy parameter of RULES.md and SCENARIO-FORMAT.md, typed. Built only by <see cref="PolicyLoader"/>
/// from the defaults file plus overrides, so no value lives as a literal in the rules.
/// </summary>
public sealed record Policy
{
    public required int PrimaryRatio { get; init; }
    public required int CycleCap { get; init; }
    public required Rounding Rounding { get; init; }
    public required int ItinerantShare { get; init; }
    public required decimal PriorityThreshold { get; init; }
    public required bool PriorityStrict { get; init; }
    public required ImmutableArray<DayTier> PsychoDayTiers { get; init; }
    public required CountStages PsychoCountStages { get; init; }
    public required ImmutableArray<int> PtscDaysByNeed { get; init; } // index need-1
    public required int CraRatio { get; init; }
    public required bool CraRequiresPriority { get; init; }
    public required bool ConcertadoInPool { get; init; }
    public required int SecondaryRatio { get; init; }
    public required int SecondaryCap { get; init; }
    public required bool CeipsoSecondaryRules { get; init; }
    public required int SecondaryPtscMinSupport { get; init; }
    public required int SupportGroupMax { get; init; }
    public required int SupportHoursMax { get; init; }
    public required decimal MinSupportHours { get; init; }
    public required int SpecificGroupMin { get; init; }
    public required int SpecificGroupMax { get; init; }
    public required int AceGroupMax { get; init; }
    public required int AceReserved { get; init; }
    public required int TeachingHoursPrimary { get; init; }
    public required int TeachingHoursSecondary { get; init; }
    public required int HoursPerDay { get; init; }
    public required int EoepReservedDays { get; init; }
    public required decimal CostPrimaryPost { get; init; }
    public required decimal CostSecondaryPost { get; init; }
    public required decimal CostEoepDay { get; init; }
    public required int? MaxLossPerCentre { get; init; }

    /// <summary>The effective values as canonical JSON, by parameter name (ordinal order): for hashing and display.</summary>
    public required ImmutableSortedDictionary<string, string> Values { get; init; }

    public const int WeekDays = 5;

    public int EoepDaysPerPerson => WeekDays - EoepReservedDays;

    public decimal CostPerUnit(Domain.Resource r) => r switch
    {
        Domain.Resource.PsychopedagogueDays or Domain.Resource.PtscDays => CostEoepDay,
        // An itinerant share is half (1/itinerant_share) of a teacher post.
        Domain.Resource.PrimaryItinerant => CostPrimaryPost / ItinerantShare,
        Domain.Resource.SecondaryItinerant => CostSecondaryPost / ItinerantShare,
        Domain.Resource.PrimarySupport or Domain.Resource.CraItinerant => CostPrimaryPost,
        _ => CostSecondaryPost,
    };

    public static string Format(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    internal static string Canonical(JsonElement e) => JsonSerializer.Serialize(e);
}
