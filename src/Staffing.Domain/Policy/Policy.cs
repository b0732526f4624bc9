using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Staffing.Domain;

public enum Rounding
{
    Floor,
    Ceil,
    Nearest,
}

public enum CountStages
{
    Primary,
    Both,
}

/// <summary>The pupils the 25% line of P-PRIORITY is drawn over.</summary>
public enum PriorityBase
{
    Primary,
    Centre,
}

/// <summary>What a concertado centre's agreement may include (Octava d, Novena d): three readings of "podrán contar […] con profesor de apoyo".</summary>
public enum ConcertadoSupport
{
    Ratio,
    One,
    None,
}

/// <summary>Where compensatory-classroom (ACE) groups are counted: per proposing centre, or per area over their sum.</summary>
public enum AcePooling
{
    Centre,
    Area,
}

public sealed record DayTier(int From, int Days);

/// <summary>
/// Every policy parameter of RULES.md and SCENARIO-FORMAT.md, typed: one property per entry of
/// policy.defaults.json, named in snake case there. Built only by <see cref="PolicyLoader"/> from the defaults file
/// plus overrides, so no value lives as a literal in the rules.
/// </summary>
public sealed record Policy
{
    public required int PrimaryRatio { get; init; }
    public required int CycleCap { get; init; }
    public required Rounding Rounding { get; init; }
    public required int ItinerantShare { get; init; }
    public required int ItinerantGroupMax { get; init; }
    public required decimal PriorityThreshold { get; init; }
    public required bool PriorityStrict { get; init; }

    [JsonConverter(typeof(TiersConverter))]
    public required ImmutableArray<DayTier> PsychoDayTiers { get; init; }
    public required CountStages PsychoCountStages { get; init; }

    /// <summary>Days by ptsc_need, index need − 1 (the file's {"1": 1, "2": 2, "3": 3}).</summary>
    [JsonConverter(typeof(NeedMapConverter))]
    public required ImmutableArray<int> PtscDaysByNeed { get; init; }
    public required int CraRatio { get; init; }
    public required bool CraRequiresPriority { get; init; }
    public required bool ConcertadoInPool { get; init; }
    public required ConcertadoSupport ConcertadoSupport { get; init; }
    public required bool ConcertadoPublicServices { get; init; }

    /// <summary>Whether a centre has the public services (EOEP, PTSC, itinerant shares): a public one, or any with concertado_public_services.</summary>
    public bool PublicServices(Centre c) => c.IsPublic || ConcertadoPublicServices;
    public required int SecondaryRatio { get; init; }
    public required int SecondaryCap { get; init; }
    public required bool CeipsoSecondaryRules { get; init; }
    public required bool CeipsoSecondaryPtsc { get; init; }
    public required PriorityBase PriorityBase { get; init; }
    public required AcePooling AcePooling { get; init; }
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
    [JsonIgnore]
    public ImmutableSortedDictionary<string, string> Values { get; init; } =
        ImmutableSortedDictionary<string, string>.Empty;

    public const int WeekDays = 5;

    public int EoepDaysPerPerson => WeekDays - EoepReservedDays;

    /// <summary>The days a week a share gives a centre with a teacher of its own: ceil(5 / itinerant_share).</summary>
    public int ItinerantShareDays => (WeekDays + ItinerantShare - 1) / ItinerantShare;

    public decimal CostPerUnit(Domain.Resource r) =>
        r switch
        {
            Domain.Resource.PsychopedagogueDays or Domain.Resource.PtscDays => CostEoepDay,
            // An itinerant share is half (1/itinerant_share) of a teacher post.
            Domain.Resource.PrimaryItinerant => CostPrimaryPost / ItinerantShare,
            Domain.Resource.SecondaryItinerant => CostSecondaryPost / ItinerantShare,
            Domain.Resource.PrimarySupport or Domain.Resource.CraItinerant => CostPrimaryPost,
            _ => CostSecondaryPost,
        };

    public static string Format(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    /// <summary>[[from, days], …] as tiers.</summary>
    internal sealed class TiersConverter : JsonConverter<ImmutableArray<DayTier>>
    {
        public override ImmutableArray<DayTier> Read(
            ref Utf8JsonReader reader,
            Type type,
            JsonSerializerOptions options
        )
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            return [.. doc.RootElement.EnumerateArray().Select(t => new DayTier(t[0].GetInt32(), t[1].GetInt32()))];
        }

        public override void Write(Utf8JsonWriter writer, ImmutableArray<DayTier> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var t in value)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(t.From);
                writer.WriteNumberValue(t.Days);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
    }

    /// <summary>{"1": d1, "2": d2, "3": d3} as [d1, d2, d3].</summary>
    internal sealed class NeedMapConverter : JsonConverter<ImmutableArray<int>>
    {
        public override ImmutableArray<int> Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options)
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            var map = doc.RootElement;
            return
            [
                .. Enumerable
                    .Range(1, 3)
                    .Select(n => map.GetProperty(n.ToString(CultureInfo.InvariantCulture)).GetInt32()),
            ];
        }

        public override void Write(Utf8JsonWriter writer, ImmutableArray<int> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            for (var i = 0; i < value.Length; i++)
                writer.WriteNumber((i + 1).ToString(CultureInfo.InvariantCulture), value[i]);
            writer.WriteEndObject();
        }
    }

    /// <summary>A value as compact JSON, whatever the layout it was read in.</summary>
    internal static string Canonical(JsonElement e) => JsonSerializer.Serialize(e, PolicyJson.Default.JsonElement);
}
