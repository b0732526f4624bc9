using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>G-ACE: compensatory classrooms of at most 15, two places a group kept for admissions in the year.</summary>
public sealed class GAce() : GroupRule(Id, "Decimoséptima E", Stage.Secondary)
{
    public new const string Id = "G-ACE";

    public override string Text =>
        "El número de alumnos atendidos en cada grupo de un aula de compensación educativa no podrá ser superior a "
        + "quince […] Con el fin de atender la posible demanda de escolarización excepcional a lo largo del curso se "
        + "reservarán dos plazas en cada grupo de las ACE.";

    public override string Reading =>
        "An indicator from the pupils proposed (ace_pupils): groups of at most 15 − 2 = 13 admitted at the start. "
        + "An ACE is attached to one institute and admits pupils proposed by others (E.10), so groups are counted per "
        + "proposing centre (ace_pooling centre) or per area over the sum of its centres' proposals (area).";

    public override IReadOnlyList<string> Parameters => ["ace_group_max", "ace_reserved", "ace_pooling"];

    public override string ReadingFor(Centre c, Policy p, in Facts f, int result) =>
        p.AcePooling == AcePooling.Area
            ? "Reading chosen: an ACE admits pupils proposed by other centres, so the groups are counted per area over "
                + $"the sum of the proposals of {c.Area}'s centres (ace_pooling area, indicators-areas.csv); this figure "
                + "counts this centre's proposal alone"
            : "Reading chosen: groups counted per proposing centre (ace_pooling centre); with ace_pooling area they are "
                + "counted per area over the sum of its centres' proposals";

    /// <summary>G-ACE per area: centres proposing, pupils proposed, and the groups as ace_pooling counts them.</summary>
    public static IEnumerable<AceArea> Areas(IEnumerable<Centre> centres, Policy p) =>
        centres
            .Where(c => c.Kind.TeachesEso() && c.AcePupils > 0)
            .GroupBy(c => c.Area)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var pupils = g.Sum(c => c.AcePupils);
                var perGroup = p.AceGroupMax - p.AceReserved;
                var groups =
                    p.AcePooling == AcePooling.Area
                        ? (pupils + perGroup - 1) / perGroup
                        : g.Sum(c => (c.AcePupils + perGroup - 1) / perGroup);
                return new AceArea(g.Key, g.Count(), pupils, groups);
            });

    public override int Evaluate(Centre c, Policy p, in Facts f) =>
        c.Kind.TeachesEso() ? StageIndicators.For(c, Stage, p, 0, 0).AceGroups : 0;

    public override string Because(Centre c, Policy p, in Facts f, int result)
    {
        if (!c.Kind.TeachesEso())
            return "teaches no ESO stage";
        if (c.AcePupils == 0)
            return "no pupils proposed for a compensatory classroom (ACE)";
        return $"{N(c.AcePupils)} pupils proposed: {Plural(result, "ACE group", "ACE groups")} of at most "
            + $"{N(p.AceGroupMax)}, {N(p.AceReserved)} places each kept for admissions during the year";
    }
}

/// <summary>One area's compensatory classrooms (G-ACE): the groups its centres' proposals need.</summary>
public sealed record AceArea(string Area, int Centres, int AcePupils, int AceGroups);
