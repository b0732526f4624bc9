using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>P-CRA: a rural grouped school gets an itinerant support teacher per full 15 compensatory pupils.</summary>
public sealed class PCra() : Rule(Id, "Octava c, third term")
{
    public override Explanation InstructionLabel => Explanation.Of(nameof(Texts.InstructionThirdTerm), "Octava c");

    public new const string Id = "P-CRA";

    public override string Text =>
        "En los Centros Rurales Agrupados se adscribirá un maestro de apoyo itinerante del programa de educación "
        + "compensatoria por cada 15 alumnos con necesidades de compensación educativa y/o con necesidades de apoyo "
        + "específico derivadas de la incorporación tardía al sistema educativo o por una escolarización irregular.";

    public override Explanation Reading => Explanation.Of(nameof(Texts.ReadingPCra));

    public override IReadOnlyList<string> Parameters => ["cra_ratio", "rounding", "cra_requires_priority"];

    public override Resource? Gives => Resource.CraItinerant;

    public override string RulesColumn(Centre c, Policy p) => p.CraRequiresPriority ? PPriority.Id + ";" + Id : Id;

    public static bool AppliesTo(Centre c, Policy p, in Facts f) =>
        PrimaryStage(c) && c.Kind == CentreKind.CRA && c.IsPublic && (!p.CraRequiresPriority || f.Priority);

    public override int Evaluate(Centre c, Policy p, in Facts f) =>
        AppliesTo(c, p, f) ? PerRatio(p, c.PrimaryComp, p.CraRatio) : 0;

    public override Explanation Because(Centre c, Policy p, in Facts f, int result)
    {
        if (c.Kind != CentreKind.CRA)
            return Explanation.Of(nameof(Texts.BecauseNotCra));
        if (!c.Programme)
            return NoProgramme;
        if (!c.IsPublic)
            return Explanation.Of(nameof(Texts.BecauseConcertadoCra));
        if (!AppliesTo(c, p, f))
            return Explanation.Of(nameof(Texts.BecauseCraNotPriority));
        return Explanation.Of(nameof(Texts.BecauseCra), p.CraRatio, RoundingText(p, c.PrimaryComp, p.CraRatio));
    }
}
