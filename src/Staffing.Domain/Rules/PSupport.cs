using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>P-SUPPORT: one primary support teacher per full 25 compensatory pupils, at most one per cycle.</summary>
public sealed class PSupport() : Rule(Id, "Octava a")
{
    public new const string Id = "P-SUPPORT";

    public override string Text =>
        "Se adscribirá un maestro de apoyo del programa de educación compensatoria a los centros por cada 25 alumnos "
        + "con necesidades de compensación educativa y/o con necesidades de apoyo específico derivadas de la "
        + "incorporación tardía al sistema educativo o por una escolarización irregular, hasta un máximo de un "
        + "puesto de maestro de apoyo por cada ciclo educativo.";

    public override Explanation Reading => Explanation.Of(nameof(Texts.ReadingPSupport));

    public override IReadOnlyList<string> Parameters =>
        ["primary_ratio", "cycle_cap", "rounding", "cra_requires_priority"];

    public override Resource? Gives => Resource.PrimarySupport;

    public override string RulesColumn(Centre c, Policy p) => c.IsPublic ? Id : Id + ";" + PConcertado.Id;

    public override Funding Funding(Centre c, Policy p) => PConcertado.SupportFunding(c, p);

    /// <summary>CEIP and CEIPSO; a concertado CRA; a CRA that falls back when P-CRA needs the 25% it lacks.</summary>
    public static bool AppliesTo(Centre c, Policy p, in Facts f) =>
        PrimaryStage(c) && (c.Kind != CentreKind.CRA || !c.IsPublic || (p.CraRequiresPriority && !f.Priority));

    public override int Evaluate(Centre c, Policy p, in Facts f) =>
        AppliesTo(c, p, f)
            ? PConcertado.AgreementPosts(c, p, Math.Min(PerRatio(p, c.PrimaryComp, p.PrimaryRatio), p.CycleCap * c.Cycles))
            : 0;

    public override Explanation Because(Centre c, Policy p, in Facts f, int result)
    {
        if (!c.Kind.TeachesPrimary())
            return Explanation.Of(nameof(Texts.BecauseNoPrimary));
        if (!c.Programme)
            return NoProgramme;
        if (!AppliesTo(c, p, f))
            return Explanation.Of(nameof(Texts.BecauseCraInstead));
        var cap = p.CycleCap * c.Cycles;
        var raw = PerRatio(p, c.PrimaryComp, p.PrimaryRatio);
        var cycles = Explanation.Count(c.Cycles, nameof(Texts.BecauseCycleOne), nameof(Texts.BecauseCycleMany));
        var rounded = RoundingText(p, c.PrimaryComp, p.PrimaryRatio);
        var text =
            raw > cap
                ? Explanation.Of(nameof(Texts.BecauseSupportCapped), p.PrimaryRatio, rounded, p.CycleCap, cycles, cap)
                : Explanation.Of(nameof(Texts.BecauseSupport), p.PrimaryRatio, rounded, cap, p.CycleCap, cycles);
        return c.Kind == CentreKind.CRA && c.IsPublic ? Explanation.Clauses(text, Explanation.Of(nameof(Texts.BecauseCraFallsBack)))
            : PConcertado.AgreementNote(c, p, Math.Min(raw, cap)) is { } note ? Explanation.Clauses(text, note)
            : text;
    }
}
