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

    public override Explanation Reading => Explanation.Of(nameof(Texts.ReadingGAce));

    public override IReadOnlyList<string> Parameters => ["ace_group_max", "ace_reserved", "ace_pooling"];

    public override Explanation ReadingFor(Centre c, Policy p, in Facts f, int result) =>
        p.AcePooling == AcePooling.Area
            ? Explanation.Of(nameof(Texts.ReadingAceArea), c.Area)
            : Explanation.Of(nameof(Texts.ReadingAceCentre));

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

    public override Explanation Because(Centre c, Policy p, in Facts f, int result)
    {
        if (!c.Kind.TeachesEso())
            return Explanation.Of(nameof(Texts.BecauseNoEso));
        if (c.AcePupils == 0)
            return Explanation.Of(nameof(Texts.BecauseNoAce));
        return Explanation.Of(nameof(Texts.BecauseAce),
            c.AcePupils,
            Explanation.Count(result, nameof(Texts.BecauseAceGroupOne), nameof(Texts.BecauseAceGroupMany)),
            p.AceGroupMax,
            p.AceReserved
        );
    }
}

/// <summary>One area's compensatory classrooms (G-ACE): the groups its centres' proposals need.</summary>
public sealed record AceArea(string Area, int Centres, int AcePupils, int AceGroups);
