using System.Globalization;
using Staffing.Domain;
using Staffing.Rules;

namespace Staffing.Io;

// The README written beside the synthesized scenario: its sources, its figures, the rules it does not exercise.
public static partial class DirectoryScenario
{
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
