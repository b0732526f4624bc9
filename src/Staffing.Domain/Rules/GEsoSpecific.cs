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

    public override Explanation Reading => Explanation.Of(nameof(Texts.ReadingGEsoSpecific));

    public override IReadOnlyList<string> Parameters => ["specific_group_min", "specific_group_max"];

    public override int Evaluate(Centre c, Policy p, in Facts f) =>
        c.Kind.TeachesEso() ? StageIndicators.For(c, Stage, p, 0, 0).SpecificGroups : 0;

    public override Explanation Because(Centre c, Policy p, in Facts f, int result)
    {
        if (!c.Kind.TeachesEso())
            return Explanation.Of(nameof(Texts.BecauseNoEso));
        if (c.SpecificGroupPupils == 0)
            return Explanation.Of(nameof(Texts.BecauseNoSpecific));
        if (result == 0)
            return Explanation.Of(nameof(Texts.BecauseSpecificNone), c.SpecificGroupPupils, p.SpecificGroupMin);
        var text = Explanation.Of(nameof(Texts.BecauseSpecific),
            c.SpecificGroupPupils,
            Explanation.Count(result, nameof(Texts.BecauseSpecificGroupOne), nameof(Texts.BecauseSpecificGroupMany)),
            p.SpecificGroupMin,
            p.SpecificGroupMax
        );
        var left = StageIndicators.SpecificLeftOut(c, p, result);
        return left > 0 ? Explanation.Clauses(text, Explanation.Count(left, nameof(Texts.BecauseLeftOutOne), nameof(Texts.BecauseLeftOutMany))) : text;
    }
}
