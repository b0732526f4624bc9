using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>G-ESO-SPECIFIC: specific compensatory groups of 10 to 15 pupils, 2 tutoring hours a week.</summary>
public sealed class GEsoSpecific() : GroupRule(Id, "Decimoséptima C", Stage.Secondary)
{
    public new const string Id = "G-ESO-SPECIFIC";

    public override string Text =>
        "Los centros podrán establecer grupos específicos de compensación educativa con un mínimo de diez y un máximo "
        + "de quince alumnos por grupo. […] El horario del alumnado de un grupo específico de compensación educativa "
        + "incluirá dos horas semanales de tutoría.";

    public override string Reading =>
        "An indicator from the pupils proposed (specific_group_pupils) n: the largest number of groups g with "
        + "10g ≤ n, at most ceil(n / 15); the pupils left out max(0, n − 15g); flagged when no group can be formed.";

    public override IReadOnlyList<string> Parameters => ["specific_group_min", "specific_group_max"];

    public override int Evaluate(Centre c, Policy p, in Facts f) =>
        c.Kind.TeachesEso() ? StageIndicators.For(c, Stage, p, 0, 0).SpecificGroups : 0;

    public override string Because(Centre c, Policy p, in Facts f, int result)
    {
        if (!c.Kind.TeachesEso())
            return "teaches no ESO stage";
        if (c.SpecificGroupPupils == 0)
            return "no pupils proposed for specific compensatory groups";
        if (result == 0)
            return $"{N(c.SpecificGroupPupils)} pupils proposed, fewer than {N(p.SpecificGroupMin)}: no specific group "
                + "can be formed (flagged)";
        var text =
            $"{N(c.SpecificGroupPupils)} pupils proposed: {Plural(result, "specific group", "specific groups")} "
            + $"of {N(p.SpecificGroupMin)} to {N(p.SpecificGroupMax)}, 2 tutoring hours a week each";
        var left = StageIndicators.SpecificLeftOut(c, p, result);
        return left > 0 ? text + $"; {Plural(left, "pupil is", "pupils are")} left out" : text;
    }
}
