using System.Globalization;
using Staffing.Domain;
using Staffing.Rules;

namespace Staffing.Io;

/// <summary>
/// Synthetic scenarios of any size, seeded: the Madrid mix of kinds, enrolments by kind, a compensatory share
/// drawn from a skewed mixture with many centres placed exactly on the rules' boundaries (multiples of 25 and 15,
/// the 25% line), localities with coordinates, EOEP teams, this year's staffing and pools at a ratio of the entitlement.
/// </summary>
public static class ScenarioGenerator
{
    public sealed record Options(int Centres, int Areas, int Seed, double PoolRatio = 0.8);

    public static Scenario Generate(Options o)
    {
        // No more centres than the reader takes rows: a scenario the program could not read back is no use.
        if (o.Centres < 1 || o.Centres > CsvTable.MaxRows)
            throw InputException.Single(
                Say.Format(Texts.CentresFound, o.Centres, CsvTable.MaxRows.ToString("#,0", CultureInfo.InvariantCulture))
            );
        if (o.Areas < 1 || o.Areas > o.Centres)
            throw InputException.Single($"--areas: found {o.Areas}, expected 1 to --centres ({o.Centres})");
        var rng = new Random(o.Seed);
        var policy = PolicyLoader.Defaults;
        var centres = new List<Centre>();
        var perArea = (o.Centres + o.Areas - 1) / o.Areas;
        for (var i = 0; i < o.Centres; i++)
        {
            var a = i % o.Areas;
            var area = $"Area-{a + 1:00}";
            var localities = Math.Max(1, perArea / 12);
            var l = rng.Next(localities);
            var (lat0, lon0) = (40.0 + a * 0.37 % 2 + (l % 7) * 0.05, -3.7 + (a % 5) * 0.4 + (l / 7) * 0.05);
            var roll = rng.NextDouble();
            var kind =
                roll < 0.666 ? CentreKind.CEIP
                : roll < 0.698 ? CentreKind.CEIPSO
                : roll < 0.705 ? CentreKind.CRA
                : CentreKind.IES;
            var concertado = kind != CentreKind.CRA && rng.NextDouble() < 0.1;
            int pp = 0,
                pc = 0,
                ep = 0,
                ec = 0;
            if (kind.TeachesPrimary())
            {
                pp = kind == CentreKind.CRA ? rng.Next(30, 121) : rng.Next(100, 501);
                pc = Comp(rng, pp, kind == CentreKind.CRA ? policy.CraRatio : policy.PrimaryRatio);
            }
            if (kind.TeachesEso())
            {
                ep = kind == CentreKind.IES ? rng.Next(250, 901) : rng.Next(60, 251);
                ec = Comp(rng, ep, policy.SecondaryRatio);
            }
            var code = (28_100_000 + i).ToString(CultureInfo.InvariantCulture);
            var justified = rng.NextDouble() < 0.5;
            centres.Add(
                new Centre(
                    code,
                    $"CENTRO {i + 1}",
                    area,
                    $"{area}/Town-{l + 1:00}",
                    kind,
                    concertado ? Ownership.Concertado : Ownership.Public,
                    pp,
                    pc,
                    kind.TeachesPrimary() ? (rng.NextDouble() < 0.9 ? 3 : rng.Next(1, 3)) : 3,
                    ep,
                    ec,
                    justified,
                    rng.Next(1, 4),
                    rng.NextDouble() < 0.2 ? rng.Next(1, 8) : 0,
                    pc + ec > 0,
                    kind.TeachesPrimary() && !concertado
                        ? $"EOEP-{a + 1:00}-{l % Math.Max(1, localities / 3 + 1) + 1:00}"
                        : null,
                    Math.Round(lat0 + rng.NextDouble() * 0.04, 6),
                    Math.Round(lon0 + rng.NextDouble() * 0.04, 6),
                    kind.TeachesEso() && rng.NextDouble() < 0.3 ? rng.Next(5, 31) : 0,
                    kind.TeachesEso() && rng.NextDouble() < 0.15 ? rng.Next(5, 30) : 0
                )
            );
        }
        var teams = centres
            .Where(c => c.Eoep is not null)
            .GroupBy(c => (c.Eoep!, c.Area))
            .OrderBy(g => g.Key.Item1, StringComparer.Ordinal)
            .Select(g =>
            {
                var priority = g.Count(c => RuleBook.Facts(c, policy).Priority);
                return new EoepTeam(
                    g.Key.Item1,
                    g.Key.Area,
                    Math.Max(1, (int)Math.Round(priority * 2 * o.PoolRatio / 5)),
                    Math.Max(1, (int)Math.Round(priority * 1.8 * o.PoolRatio / 5))
                );
            })
            .ToList();
        var entitlements = centres.Select(c => RuleBook.Entitle(c, policy)).ToList();
        // One pass over the entitlements (not one per area): linear in centres, whatever the number of areas.
        var totals = new Dictionary<(string, Resource), int>();
        foreach (var e in entitlements)
        foreach (var l in e.Lines.Where(l => l.Funding == Funding.Pool))
            totals[(e.Centre.Area, l.Resource)] = totals.GetValueOrDefault((e.Centre.Area, l.Resource)) + l.Entitled;
        var pool = new List<PoolRow>();
        foreach (var area in centres.Select(c => c.Area).Distinct().Order(StringComparer.Ordinal))
        foreach (var r in Vocabulary.Resources)
        {
            var total = totals.GetValueOrDefault((area, r));
            if (r.IsItinerant())
                total /= policy.ItinerantShare;
            pool.Add(new PoolRow(area, r, (int)Math.Floor(total * o.PoolRatio)));
        }
        var current = new List<Holding>();
        foreach (var e in entitlements)
        foreach (var l in e.Lines.Where(l => l.Funding == Funding.Pool && !l.Resource.IsItinerant()))
        {
            var held = Math.Max(0, l.Entitled + rng.Next(-1, 2));
            if (held > 0)
                current.Add(new Holding(e.Centre.Code, l.Resource, held, null));
        }
        return new Scenario(centres, pool, teams, current, null, policy);
    }

    /// <summary>A skewed compensatory count with a third of centres put on a boundary of the rules.</summary>
    private static int Comp(Random rng, int pupils, int ratio)
    {
        var roll = rng.NextDouble();
        var share =
            roll < 0.55 ? rng.NextDouble() * 0.1
            : roll < 0.85 ? 0.1 + rng.NextDouble() * 0.2
            : 0.3 + rng.NextDouble() * 0.4;
        var comp = (int)(pupils * share);
        var edge = rng.NextDouble();
        if (edge < 0.12)
            comp = Math.Max(0, comp / ratio * ratio + rng.Next(-1, 2)); // at a multiple of the ratio, or one off
        else if (edge < 0.22)
            comp = pupils / 4 + rng.Next(0, 2); // exactly on, or just over, the 25% line
        return Math.Clamp(comp, 0, pupils);
    }

    public static void Write(Scenario s, string folder)
    {
        CsvFile.Write(
            Path.Combine(folder, "centres.csv"),
            s.Centres.Select(c => new CentreCsvRow(
                c.Code,
                c.Name,
                c.Area,
                c.Locality,
                c.Kind,
                c.Ownership,
                c.Kind.TeachesPrimary() ? c.PrimaryPupils : null,
                c.Kind.TeachesPrimary() ? c.PrimaryComp : null,
                c.Cycles,
                c.Kind.TeachesEso() ? c.EsoPupils : null,
                c.Kind.TeachesEso() ? c.EsoComp : null,
                c.ItinerantJustified,
                c.PtscNeed,
                c.NoSpanish,
                c.Programme,
                c.Eoep,
                c.Lat,
                c.Lon,
                c.SpecificGroupPupils,
                c.AcePupils
            ))
        );
        if (s.Pool is { } pool)
            CsvFile.Write(
                Path.Combine(folder, "pool.csv"),
                pool
            );
        if (s.Teams is { } teams)
            CsvFile.Write(
                Path.Combine(folder, "eoep.csv"),
                teams.Select(t => new EoepCsvRow(t.Code, t.Area, t.Psychopedagogues, t.Ptsc, t.Name))
            );
        foreach (var (file, rows) in new[] { ("current.csv", s.Current), ("locks.csv", s.Locks) })
            if (rows is not null)
                CsvFile.Write(
                    Path.Combine(folder, file),
                    rows
                );
    }
}
