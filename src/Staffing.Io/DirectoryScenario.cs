using System.Globalization;
using Staffing.Domain;
using Staffing.Rules;

namespace Staffing.Io;

/// <summary>
/// A scenario of the real Madrid network from the public directory (codes, names, kinds, areas, municipalities,
/// districts, EOEP teams, coordinates where known) with pupil counts synthesised by a seeded, documented model
/// (scenarios/madrid/README.md): the directory has no pupil counts.
/// </summary>
public static partial class DirectoryScenario
{
    private sealed record Row(
        string Code,
        string Name,
        string Kind,
        string Area,
        string Municipality,
        string District,
        double? Lat,
        double? Lon,
        bool Difficulty
    );

    /// <summary>Districts and towns of the south and east of the region with the highest shares of vulnerable pupils (assumption).</summary>
    /// <summary>
    /// A town as people write it: the directory files its article after the name ("Álamo, El", "Molinos. Los");
    /// everyone else writes "El Álamo", "Los Molinos".
    /// </summary>
    public static string AsWritten(string municipality) =>
        ArticleAfter().Match(municipality) is { Success: true } m ? $"{m.Groups[2].Value} {m.Groups[1].Value}" : municipality;

    [System.Text.RegularExpressions.GeneratedRegex(@"^(.+?)[,.] (El|La|Los|Las)$")]
    private static partial System.Text.RegularExpressions.Regex ArticleAfter();

    private static readonly HashSet<string> HighNeed = new(StringComparer.Ordinal)
    {
        "Villaverde",
        "Puente de Vallecas",
        "Usera",
        "Carabanchel",
        "Villa de Vallecas",
        "Tetuán",
        "San Blas-Canillejas",
        "Latina",
        "Ciudad Lineal",
        "Centro",
        "Parla",
        "Fuenlabrada",
        "Leganés",
        "Getafe",
        "Móstoles",
        "Alcorcón",
        "Coslada",
        "Torrejón de Ardoz",
        "Alcalá de Henares",
        "Aranjuez",
        "San Fernando de Henares",
    };

    /// <summary>
    /// Compensatory share of a centre's pupils outside the high-need places, by area (calibrated so the region's
    /// public schools sit near 3%, half of the 6% the ministry counts with specific support needs of every kind:
    /// docs/madrid-scenario.md).
    /// </summary>
    private static readonly Dictionary<string, double> AreaShare = new(StringComparer.Ordinal)
    {
        ["Madrid-Capital"] = 0.007,
        ["Madrid-Sur"] = 0.008,
        ["Madrid-Este"] = 0.008,
        ["Madrid-Oeste"] = 0.004,
        ["Madrid-Norte"] = 0.005,
    };

    private const double HighNeedShare = 0.018;
    private const double DifficultyShare = 0.25;
    private const double MaxShare = 0.5;

    /// <summary>The share of the high-need places' schools that concentrate these pupils, and by how much.</summary>
    private const double ConcentratedSchools = 0.12;

    private const double ConcentrationFactor = 9;

    /// <summary>ESO's share against primary's: the ministry's counts put fewer of these pupils in ESO than in primary.</summary>
    private const double EsoFactor = 0.75;

    public static Scenario Build(string directoryCsv, int seed, double poolRatio)
    {
        var errors = new InputErrors();
        var table = CsvTable.Read(
            directoryCsv,
            Path.GetFileName(directoryCsv),
            new CsvOptions(),
            errors,
            [
                "code",
                "name",
                "kind",
                "area",
                "municipality",
                "district",
                "postcode",
                "lat",
                "lon",
                "special_difficulty",
            ],
            ["code", "name", "kind", "area", "municipality"]
        );
        if (table is null || errors.Count > 0)
            throw new InputException(errors.Messages, errors.Notes);
        var rows = new List<Row>();
        foreach (var r in table.Rows)
        {
            var rr = new RowReader(table, r, errors);
            rows.Add(
                new Row(
                    rr.Required("code"),
                    rr.Required("name"),
                    rr.Required("kind"),
                    rr.Required("area"),
                    AsWritten(rr.Required("municipality")),
                    rr.Text("district") ?? "",
                    rr.Decimal("lat", -90, 90),
                    rr.Decimal("lon", -180, 180),
                    rr.Bool("special_difficulty") ?? false
                )
            );
        }
        if (errors.Count > 0)
            throw new InputException(errors.Messages, errors.Notes);

        var rng = new Random(seed);
        var policy = PolicyLoader.Defaults;
        string Place(Row r) => r.District.Length > 0 ? $"{r.Municipality}/{r.District}" : r.Municipality;
        var known = rows.Where(r => r.Lat is not null).ToList();
        (double, double) Mean(IEnumerable<Row> rs) => (rs.Average(r => r.Lat!.Value), rs.Average(r => r.Lon!.Value));
        var byPlace = known.GroupBy(Place).ToDictionary(g => g.Key, g => Mean(g));
        var byTown = known.GroupBy(r => r.Municipality).ToDictionary(g => g.Key, g => Mean(g));
        var byArea = known.GroupBy(r => r.Area).ToDictionary(g => g.Key, g => Mean(g));
        (double Lat, double Lon) Where(Row r) =>
            r.Lat is { } la ? (la, r.Lon!.Value)
            : byPlace.TryGetValue(Place(r), out var p) ? p
            : byTown.TryGetValue(r.Municipality, out var t) ? t
            : byArea[r.Area];

        var teams = rows.Where(r => r.Kind == "EOEP").OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        string? TeamOf(Row r)
        {
            var candidates = teams.Where(t => t.Area == r.Area).ToList();
            if (candidates.Count == 0)
                return null;
            var same = candidates.Where(t => t.Municipality == r.Municipality).ToList();
            var (lat, lon) = Where(r);
            double D(Row t)
            {
                var (a, b) = Where(t);
                return (a - lat) * (a - lat) + (b - lon) * (b - lon);
            }
            return (same.Count > 0 ? same : candidates)
                .OrderBy(D)
                .ThenBy(t => t.Code, StringComparer.Ordinal)
                .First()
                .Code;
        }

        // A town's size from its public primary schools in the directory (it has no population): a village with one
        // school enrols far fewer pupils than a town or a city district.
        var schoolsInTown = rows.Where(r => r.Kind is "CEIP" or "CEIPSO" or "CRA")
            .GroupBy(r => r.Municipality)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var institutesInTown = rows.Where(r => r.Kind is "IES" or "CEIPSO")
            .GroupBy(r => r.Municipality)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var centres = new List<Centre>();
        foreach (
            var r in rows.Where(r => r.Kind is "CEIP" or "IES" or "CEIPSO" or "CRA")
                .OrderBy(r => r.Code, StringComparer.Ordinal)
        )
        {
            var kind = Enum.Parse<CentreKind>(r.Kind);
            var highNeed = HighNeed.Contains(r.District) || HighNeed.Contains(r.Municipality);
            // Segregation within a town: some of its schools take many times their share of these pupils.
            var concentrated = highNeed && rng.NextDouble() < ConcentratedSchools;
            var baseShare =
                (AreaShare.GetValueOrDefault(r.Area, 0.02) + (highNeed ? HighNeedShare : 0))
                    * (concentrated ? ConcentrationFactor : 1)
                + (r.Difficulty ? DifficultyShare : 0);
            var town = schoolsInTown.GetValueOrDefault(r.Municipality);
            int pp = 0,
                pc = 0,
                ep = 0,
                ec = 0;
            if (kind.TeachesPrimary())
            {
                pp = kind switch
                {
                    CentreKind.CRA => rng.Next(40, 141),
                    CentreKind.CEIPSO => rng.Next(120, 301),
                    _ when town <= 1 => rng.Next(40, 221),
                    _ when town <= 4 => rng.Next(120, 401),
                    _ => rng.Next(200, 476),
                };
                pc = Share(rng, pp, baseShare, priorityLine: true);
            }
            if (kind.TeachesEso())
            {
                ep =
                    kind != CentreKind.IES ? rng.Next(80, 251)
                    : institutesInTown.GetValueOrDefault(r.Municipality) <= 1 ? rng.Next(200, 601)
                    : rng.Next(300, 901);
                ec = Share(rng, ep, baseShare * EsoFactor, priorityLine: false);
            }
            var (lat, lon) = Where(r);
            if (r.Lat is null)
                (lat, lon) = (lat + (rng.NextDouble() - 0.5) * 0.01, lon + (rng.NextDouble() - 0.5) * 0.01);
            var share =
                pp > 0 ? (double)pc / pp
                : ep > 0 ? (double)ec / ep
                : 0;
            centres.Add(
                new Centre(
                    r.Code,
                    r.Name,
                    r.Area,
                    Place(r),
                    kind,
                    Ownership.Public,
                    pp,
                    pc,
                    kind == CentreKind.CRA ? rng.Next(2, 4) : 3,
                    ep,
                    ec,
                    rng.NextDouble() < 0.6,
                    share > 0.4 ? 3
                        : share > 0.3 ? 2
                        : 1,
                    (int)Math.Round(pc * rng.NextDouble() * 0.15 + ec * rng.NextDouble() * 0.1),
                    pc + ec > 0,
                    kind.TeachesPrimary() ? TeamOf(r) : null,
                    Math.Round(lat, 6),
                    Math.Round(lon, 6),
                    kind.TeachesEso() && ec >= 10 && rng.NextDouble() < 0.4 ? rng.Next(8, 31) : 0,
                    kind.TeachesEso() && ec >= 20 && rng.NextDouble() < 0.25 ? rng.Next(6, 27) : 0
                )
            );
        }

        var entitlements = centres.Select(c => RuleBook.Entitle(c, policy)).ToList();
        var eoep = teams
            .Select(t =>
            {
                var served = entitlements.Where(e => e.Centre.Eoep == t.Code).ToList();
                int People(Resource r, int min) =>
                    Math.Max(min, (int)Math.Round(served.Sum(e => e.Amount(r)) * poolRatio / Policy.WeekDays));
                return new EoepTeam(
                    t.Code,
                    t.Area,
                    People(Resource.PsychopedagogueDays, 1),
                    People(Resource.PtscDays, 1),
                    t.Name
                );
            })
            .ToList();
        var pool = new List<PoolRow>();
        foreach (var area in centres.Select(c => c.Area).Distinct().Order(StringComparer.Ordinal))
        foreach (var res in Vocabulary.Resources)
        {
            var total = entitlements.Where(e => e.Centre.Area == area).Sum(e => e.Amount(res));
            if (res.IsItinerant())
                total /= policy.ItinerantShare;
            pool.Add(new PoolRow(area, res, (int)Math.Floor(total * poolRatio)));
        }
        var current = new List<Holding>();
        foreach (var e in entitlements)
        foreach (var l in e.Lines.Where(l => !l.Resource.IsItinerant()))
        {
            var held = Math.Max(0, l.Entitled + rng.Next(-1, 2));
            if (held > 0)
                current.Add(new Holding(e.Centre.Code, l.Resource, held, null));
        }
        return new Scenario(centres, pool, eoep, current, null, policy);
    }

    /// <summary>
    /// A log-normal share around the base (σ 0.8, mean kept at the base), capped at 50%, with some centres put on a rule's boundary: one in ten a multiple of 25 (±1) where it has 20 or
    /// more; in the high-need places one primary stage in twenty put at a quarter of its pupils (rounded down) or one over,
    /// so near P-PRIORITY's 25% line (exactly on it only where the pupils divide by four; the README counts them).
    /// </summary>
    private static int Share(Random rng, int pupils, double baseShare, bool priorityLine)
    {
        var normal = rng.NextNormal();
        var comp = (int)Math.Round(pupils * Math.Min(MaxShare, baseShare * Math.Exp(0.8 * normal - 0.32)));
        var edge = rng.NextDouble();
        if (edge < 0.1 && comp >= 20)
            comp = (int)Math.Round(comp / 25.0) * 25 + rng.Next(-1, 2);
        else if (edge >= 0.1 && edge < 0.15 && priorityLine && baseShare >= HighNeedShare)
            comp = pupils / 4 + rng.Next(0, 2);
        return Math.Clamp(comp, 0, pupils);
    }
}
