using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>P-PRIORITY: more than 25% compensatory pupils makes a preferred-action centre for the EOEP.</summary>
public sealed class PPriority() : Rule(Id, "Octava c")
{
    public new const string Id = "P-PRIORITY";

    public override string Text =>
        "Los centros que desarrollen actuaciones de compensación educativa y que escolaricen más de un 25 por 100 de "
        + "alumnos con las necesidades descritas serán considerados como centros de actuación preferente para los "
        + "equipos de orientación educativa y psicopedagógica […]";

    public override Explanation Reading => Explanation.Of(nameof(Texts.ReadingPPriority));

    public override IReadOnlyList<string> Parameters =>
        ["priority_threshold", "priority_strict", "priority_base", "concertado_public_services"];

    public override int Evaluate(Centre c, Policy p, in Facts f)
    {
        if (!PrimaryStage(c) || !p.PublicServices(c))
            return 0;
        var (comp, pupils, _) = Base(c, p);
        return Crosses(comp, pupils, p) ? 1 : 0;
    }

    /// <summary>
    /// The pupils the line is drawn over: the primary stage's (priority_base primary), or all the centre's (centre:
    /// infant, primary and a CEIPSO's ESO; missing infant columns count 0).
    /// </summary>
    public static (int Comp, int Pupils, Explanation Words) Base(Centre c, Policy p)
    {
        if (p.PriorityBase == PriorityBase.Primary)
            return (c.PrimaryComp, c.PrimaryPupils, Explanation.Of(nameof(Texts.BecauseBasePrimary)));
        var eso = c.Kind == CentreKind.CEIPSO;
        return (
            c.InfantComp + c.PrimaryComp + (eso ? c.EsoComp : 0),
            c.InfantPupils + c.PrimaryPupils + (eso ? c.EsoPupils : 0),
            eso ? Explanation.Of(nameof(Texts.BecauseBaseCentreEso)) : Explanation.Of(nameof(Texts.BecauseBaseCentre))
        );
    }

    /// <summary>comp / pupils against the threshold, in exact decimal arithmetic; 0 pupils never crosses.</summary>
    public static bool Crosses(int comp, int pupils, Policy p)
    {
        if (pupils <= 0)
            return false;
        var lhs = (decimal)comp;
        var rhs = p.PriorityThreshold * pupils;
        return p.PriorityStrict ? lhs > rhs : lhs >= rhs;
    }

    public override Explanation ReadingFor(Centre c, Policy p, in Facts f, int result)
    {
        if (!p.PublicServices(c) && c.Kind.TeachesPrimary())
            return Explanation.Of(nameof(Texts.ReadingPriorityConcertado));
        var chosen = Explanation.Of(nameof(Texts.ReadingPriorityChosen),
            Explanation.Of(p.PriorityStrict ? nameof(Texts.ReadingStrict) : nameof(Texts.ReadingNotStrict)),
            p.PriorityBase == PriorityBase.Primary ? Explanation.Of(nameof(Texts.ReadingBasePrimary)) : Explanation.Of(nameof(Texts.ReadingBaseCentre))
        );
        return c.IsPublic ? chosen : Explanation.Clauses(chosen, Explanation.Of(nameof(Texts.ReadingConcertadoAsPublic)));
    }

    public override Explanation Because(Centre c, Policy p, in Facts f, int result)
    {
        if (!c.Kind.TeachesPrimary())
            return Explanation.Of(nameof(Texts.BecauseNoPrimary));
        if (!c.Programme)
            return NoProgramme;
        if (!p.PublicServices(c))
            return Explanation.Of(nameof(Texts.BecauseConcertadoNotPriority));
        var limit = Explanation.Of(
            p.PriorityStrict ? nameof(Texts.BecauseMoreThan) : nameof(Texts.BecauseAtLeast),
            Share.Precise(p.PriorityThreshold * 100)
        );
        var (comp, pupils, words) = Base(c, p);
        if (pupils == 0)
            return Explanation.Of(nameof(Texts.BecausePriorityNoPupils), words);
        var share = Share.Precise(100m * comp / pupils);
        return Explanation.Of(result == 1 ? nameof(Texts.BecausePriorityYes) : nameof(Texts.BecausePriorityNo), comp, pupils, words, share, limit);
    }
}
