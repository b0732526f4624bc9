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
        "An indicator from the pupils proposed (ace_pupils): groups of at most 15 − 2 = 13 admitted at the start, "
        + "counted per proposing centre.";

    public override IReadOnlyList<string> Parameters => ["ace_group_max", "ace_reserved"];

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
