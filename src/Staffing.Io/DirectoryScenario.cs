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

    private static readonly string[] Sources =
    [
        "upday, 2025-09-03, \"Madrid inicia curso…\": https://www.upday.com/es/actualidad/madrid-inicia-curso-2700-docentes-nuevos-y-menos-alumnos-por-aula/jghg8qr",
        "La Hora Digital on the Ministry's ANEAE statistics 2020-21: https://lahoradigital.com/noticia/35105/laberinto-espanol/el-83-de-los-alumnos-con-necesidades-de-apoyo-especiales-estudia-en-unidades-ordinarias.aspx",
        "Biblioteca Cibeles on the Ministry's ANEAE statistics 2023-24: https://biblioteca.cibeles.net/mas-de-un-millon-de-estudiantes-recibieron-apoyo-educativo-en-el-curso-2023-2024-2",
        "El País, 2001-08-13, \"27 colegios de la capital tienen más de un 50% de inmigrantes y gitanos\": https://elpais.com/diario/2001/08/13/madrid/997701864_850215.html",
        "Europa Press, 2025-12-11, CC OO report on school segregation: https://www.europapress.es/madrid/noticia-madrid-comunidad-autonoma-mayor-indice-segregacion-escolar-espana-informe-ccoo-20251211180043.html",
        "El Mundo, 2006-08-07, Plan de Centros Prioritarios (reprinted by Mugak): https://medios.mugak.eu/noticias/noticia/67243",
        "Magisterio, 2024-05-21, Colegios Públicos de Atención Prioritaria: https://magisnet.com/?p=271234",
        "El País, 2017-03-05, \"La educación compensatoria pierde 10 millones en los presupuestos de 2017\": https://elpais.com/ccaa/2017/03/05/madrid/1488738614_338704.html",
        "El País, April 2016, \"Madrid gastó en 2015 solo la mitad del dinero para alumnos con dificultades\" (reprinted): http://latorredeciempozuelos.blogspot.com/2016_04_03_archive.html",
    ];

    /// <summary>Why a rule applies to no centre of the scenario, in its own figures; the sample exercises it.</summary>
    private static string Unexercised(Rule rule, Scenario s)
    {
        var inv = CultureInfo.InvariantCulture;
        var cras = s.Centres.Where(c => c.Kind == CentreKind.CRA).ToList();
        return rule.Id switch
        {
            PCra.Id when cras.Count > 0 =>
                $"its {cras.Count.ToString(inv)} CRAs have {cras.Min(c => c.PrimaryComp).ToString(inv)} to "
                    + $"{cras.Max(c => c.PrimaryComp).ToString(inv)} compensatory pupils, below the {s.Policy.CraRatio.ToString(inv)} "
                    + "a post needs; the sample exercises it.",
            PConcertado.Id or SConcertado.Id => "the scenario has no concertado centre; the sample exercises it.",
            _ => "no centre of the scenario meets its condition; the sample exercises it.",
        };
    }

    /// <summary>
    /// The folder's README.md: what is real and what is synthesised, the published figures the synthesis is
    /// calibrated to (each with its source), and this scenario's own totals beside them, computed here so the
    /// rebuild keeps them true.
    /// </summary>
    public static string Readme(Scenario s, int seed, double poolRatio)
    {
        var p = s.Policy;
        var inv = CultureInfo.InvariantCulture;
        var pub = s.Centres.Where(c => c.IsPublic).ToList();
        long pp = pub.Sum(c => (long)c.PrimaryPupils),
            pc = pub.Sum(c => (long)c.PrimaryComp),
            ep = pub.Sum(c => (long)c.EsoPupils),
            ec = pub.Sum(c => (long)c.EsoComp);
        var entitlements = s.Centres.Select(c => RuleBook.Entitle(c, p)).ToList();
        var cost = entitlements.Sum(e => e.Lines.Sum(l => l.Entitled * p.CostPerUnit(l.Resource)));
        var preferred = entitlements.Count(e => e.Facts.Priority);
        string Pct(long a, long b) => (b == 0 ? 0 : 100.0 * a / b).ToString("0.0", inv) + "%";
        string N(long n) => n.ToString("#,0", inv);
        string Share(IEnumerable<Centre> cs)
        {
            var list = cs.ToList();
            return Pct(
                list.Sum(c => (long)c.PrimaryComp + c.EsoComp),
                list.Sum(c => (long)c.PrimaryPupils + c.EsoPupils)
            );
        }
        bool High(Centre c) => c.Locality.Split('/').Any(HighNeed.Contains);
        var areas = string.Join(
            ", ",
            s.Centres.GroupBy(c => c.Area)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} {Share(g)}")
        );
        var biggestVillage = s
            .Centres.Where(c => c.Kind.TeachesPrimary())
            .GroupBy(c => c.Locality)
            .Where(g => g.Count() == 1 && !High(g.Single()) && g.Single().Kind == CentreKind.CEIP)
            .Select(g => g.Single())
            .OrderByDescending(c => c.PrimaryPupils)
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .FirstOrDefault();
        var w = new StringWriter(inv) { NewLine = "\n" };
        w.WriteLine("# The Madrid region (real network, synthesised pupils)");
        w.WriteLine();
        w.WriteLine(
            $"Written by `staffing generate --directory scenarios/madrid-directory/directory.csv --seed {seed} "
                + $"--pool-ratio {poolRatio.ToString(inv)} --out scenarios/madrid` (the same bytes every time); the model is "
                + "described in `docs/madrid-scenario.md`. Codes, names, kinds, areas, towns, districts and coordinates are "
                + "the region's public directory; **every pupil count is synthesised**, calibrated to the published figures "
                + "below, so the scenario is realistic in shape, not a statement about any real school."
        );
        w.WriteLine();
        w.WriteLine("## Calibration: published figures and this scenario's totals");
        w.WriteLine();
        w.WriteLine("| figure | published | this scenario |");
        w.WriteLine("|---|---|---|");
        w.WriteLine(
            "| pupils by kind of school | 1,267,387 pupils in 2025-26, 53.7% in public schools, 27.7% in concertado ones "
                + "(regional government at the start of the year, reported by upday, 2025-09-03) | "
                + $"{N(pp)} primary and {N(ep)} ESO pupils in the {N(pub.Count)} public centres of the directory (no "
                + "concertado centre: the directory lists none) |"
        );
        w.WriteLine(
            "| pupils with specific support needs | 6% of Madrid's pupils, of every kind together (disability, learning "
                + "disorders, high ability, disadvantage, late incorporation); nationally socio-educational disadvantage is "
                + "26% of the needs other than disability, 18% of all (Ministry of Education, ANEAE statistics 2020-21, "
                + "reported by La Hora Digital); the public network holds more of them than the concertado one (11.6% against "
                + "9.4% of pupils with non-disability needs, ANEAE 2023-24, reported by the Biblioteca Cibeles) | "
                + $"{N(pc + ec)} compensatory pupils: {Pct(pc, pp)} of public primary pupils, {Pct(ec, ep)} of public ESO "
                + "pupils, more than these sources support (see below) |"
        );
        w.WriteLine(
            "| concentration | the eight south-eastern districts of the capital (Puente and Villa de Vallecas, Usera, "
                + "Carabanchel, Vicálvaro, Villaverde, San Blas, Latina) and Centro hold most of the capital's schools with "
                + "over half immigrant or Roma pupils (El País, 2001-08-13); Madrid is Spain's region with the most segregated "
                + "disadvantaged pupils, D = 0.42 for the poorest quarter (CC OO from PISA 2022, Europa Press 2025-12-11) | "
                + $"{Share(s.Centres.Where(High))} in the districts and southern towns listed in the model against "
                + $"{Share(s.Centres.Where(c => !High(c)))} elsewhere; by area {areas} |"
        );
        w.WriteLine(
            "| preferred-action schools | 66 public priority centres in 2005-06 and 88 planned for 2006-07 (El Mundo, "
                + "2006-08-07); the current priority programme (CPAP) grows from 10 colleges in 2023-24 to 40 in 2026-27 "
                + "(Magisterio, 2024-05-21) | "
                + $"{N(preferred)} centres over P-PRIORITY's 25% line |"
        );
        w.WriteLine(
            "| budget | the compensatory-education line: €97.7M in 2011, €92M in 2016, €82.3M in 2017 (El País, 2017-03-05); "
                + "in 2015 €43.5M of it, 47.4%, was left unspent, so about €48M was spent, on teachers of schools and of "
                + "adult education (El País, April 2016, reprinted by La Torre de Ciempozuelos 2016-04-03) | "
                + $"the entitlement at the project's costs (cost_primary_post, cost_secondary_post, cost_eoep_day): "
                + $"€{(cost / 1_000_000m).ToString("0.0", inv)}M a year, within what was spent |"
        );
        if (biggestVillage is not null)
            w.WriteLine(
                "| enrolment follows the town | a village's only school is small | the largest CEIP alone in a "
                    + $"village outside the high-need places: {biggestVillage.Name}, {biggestVillage.Locality}, "
                    + $"{N(biggestVillage.PrimaryPupils)} primary pupils ({Pct(biggestVillage.PrimaryComp, biggestVillage.PrimaryPupils)} compensatory) |"
            );
        w.WriteLine();
        w.WriteLine("Sources (as stored; figures quoted as published):");
        w.WriteLine();
        foreach (var source in Sources)
            w.WriteLine("- " + source);
        w.WriteLine();
        w.WriteLine(
            "Before this calibration the synthesis gave 61,425 compensatory pupils (13.9% of public primary, 12.8% of "
                + "public ESO) and an entitlement of €94.1M a year, the size of the whole budget line."
        );
        w.WriteLine();
        w.WriteLine("## Where the scenario departs from its sources");
        w.WriteLine();
        w.WriteLine(
            $"- Its compensatory share, {Pct(pc, pp)} of public primary and {Pct(ec, ep)} of public ESO pupils, is above what "
                + "its own sources support: disadvantage is 18% of all specific needs nationally and 6% of Madrid's "
                + "pupils have a specific need of any kind, about 1.1% of pupils; even with the public network holding "
                + "more of them (11.6% against 9.4%), the scenario has two to three times that share. It is kept so that "
                + "the rules have centres to act on across the region; read its totals as a stress test, not an estimate."
        );
        w.WriteLine(
            "- It holds public centres only (the directory lists no concertado one), so the published public share of "
                + "pupils (53.7%) and the concertado centres' 27.7% have no counterpart in it; P-CONCERTADO and "
                + "S-CONCERTADO are exercised by the sample."
        );
        w.WriteLine();
        w.WriteLine("## Boundary cases, as they are in this scenario");
        w.WriteLine();
        var primary = s.Centres.Where(c => c.Kind.TeachesPrimary() && c.PrimaryPupils > 0).ToList();
        w.WriteLine(
            $"- Primary stages exactly on P-PRIORITY's 25% line: {N(primary.Count(c => 4 * c.PrimaryComp == c.PrimaryPupils))} "
                + $"(not preferred-action centres: the line is \"más de\"); one pupil over it: "
                + $"{N(primary.Count(c => 4 * (c.PrimaryComp - 1) < c.PrimaryPupils && 4 * c.PrimaryComp > c.PrimaryPupils))}; "
                + $"of {N(primary.Count)} primary stages."
        );
        w.WriteLine(
            "- Stages on a multiple of 25 compensatory pupils (where P-SUPPORT or S-SUPPORT gives one more post): "
                + $"{N(s.Centres.Count(c => c.PrimaryComp > 0 && c.PrimaryComp % 25 == 0) + s.Centres.Count(c => c.EsoComp > 0 && c.EsoComp % 25 == 0))}; "
                + $"one pupil below one: {N(s.Centres.Count(c => c.PrimaryComp % 25 == 24) + s.Centres.Count(c => c.EsoComp % 25 == 24))}."
        );
        w.WriteLine();
        w.WriteLine("## Rules this scenario does not exercise");
        w.WriteLine();
        // Each centre's trace once, then which rules applied anywhere.
        var applied = s.Centres.SelectMany(c => RuleBook.Trace(c, p).Where(t => t.Applied).Select(t => t.Rule)).ToHashSet();
        var unexercised = RuleBook.All.Where(rule => !applied.Contains(rule.Id)).ToList();
        if (unexercised.Count == 0)
            w.WriteLine("Every rule of the book applies to at least one centre.");
        foreach (var rule in unexercised)
            w.WriteLine($"- {rule.Id} ({rule.Instruction}): {Unexercised(rule, s)}");
        return w.ToString();
    }
}
