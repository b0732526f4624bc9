using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>S-SUPPORT: one ESO support teacher per full 25 compensatory pupils, at most 4 in the stage.</summary>
public sealed class SSupport() : Rule(Id, "Novena a")
{
    public new const string Id = "S-SUPPORT";

    public override string Text =>
        "Se adscribirá un profesor de apoyo del programa de educación compensatoria a los departamentos de orientación "
        + "de los institutos de Educación Secundaria, por cada 25 alumnos con necesidades de compensación educativa "
        + "y/o con necesidades de apoyo específico derivadas de la incorporación tardía al sistema educativo o por una "
        + "escolarización irregular, hasta un máximo de cuatro profesores de apoyo en la etapa.";

    public override Explanation Reading => Explanation.Of(nameof(Texts.ReadingSSupport));

    public override IReadOnlyList<string> Parameters =>
        ["secondary_ratio", "secondary_cap", "rounding", "ceipso_secondary_rules"];

    public override Resource? Gives => Resource.SecondarySupport;

    public override string RulesColumn(Centre c, Policy p) => c.IsPublic ? Id : Id + ";" + SConcertado.Id;

    public override Funding Funding(Centre c, Policy p) => PConcertado.SupportFunding(c, p);

    public override int Evaluate(Centre c, Policy p, in Facts f) =>
        SecondaryStage(c, p)
            ? PConcertado.AgreementPosts(c, p, Math.Min(PerRatio(p, c.EsoComp, p.SecondaryRatio), p.SecondaryCap))
            : 0;

    public override Explanation Because(Centre c, Policy p, in Facts f, int result)
    {
        if (SecondaryGate(c, p) is { } no)
            return no;
        var raw = PerRatio(p, c.EsoComp, p.SecondaryRatio);
        var text = Explanation.Of(
            raw > p.SecondaryCap ? nameof(Texts.BecauseSecondarySupportCapped) : nameof(Texts.BecauseSecondarySupport),
            p.SecondaryRatio,
            RoundingText(p, c.EsoComp, p.SecondaryRatio),
            p.SecondaryCap
        );
        return PConcertado.AgreementNote(c, p, Math.Min(raw, p.SecondaryCap)) is { } note ? Explanation.Clauses(text, note) : text;
    }

    /// <summary>Why the S-* rules do not look at the centre at all, or null when they do.</summary>
    internal static Explanation? SecondaryGate(Centre c, Policy p)
    {
        if (!c.Kind.TeachesEso())
            return Explanation.Of(nameof(Texts.BecauseNoEso));
        if (c.Kind == CentreKind.CEIPSO && !p.CeipsoSecondaryRules)
            return Explanation.Of(nameof(Texts.BecauseCeipsoNotStaffed));
        return c.Programme ? null : NoProgramme;
    }
}
