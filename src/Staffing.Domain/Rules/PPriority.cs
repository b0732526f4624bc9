using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>P-PRIORITY: more than 25% compensatory pupils makes a preferred-action centre for the EOEP.</summary>
public sealed class PPriority() : Rule(Id, "Octava c")
{
    public new const string Id = "P-PRIORITY";

    public override string Text =>
        "Los centros que desarrollen actuaciones de compensación educativa y que escolaricen más de un 25 por 100 de "
        + "alumnos con las necesidades descritas serán considerados como centros de actuación preferente para los "
        + "equipos de orientación educativa y psicopedagógica.";

    public override string Reading =>
        "\"Más de un 25 por 100\" is strictly greater, decided in exact decimal arithmetic. Its base is the primary "
        + "stage's pupils, the stage Octava is about (priority_base primary), or all the centre's pupils (centre: infant "
        + "columns, primary, a CEIPSO's ESO). The text does not say the centre must be public: the project reads that "
        + "the EOEP serves public centres, so a concertado centre is not a preferred-action centre";

    public override IReadOnlyList<string> Parameters => ["priority_threshold", "priority_strict", "priority_base"];

    public override int Evaluate(Centre c, Policy p, in Facts f)
    {
        if (!PrimaryStage(c) || !c.IsPublic)
            return 0;
        var (comp, pupils, _) = Base(c, p);
        return Crosses(comp, pupils, p) ? 1 : 0;
    }

    /// <summary>
    /// The pupils the line is drawn over: the primary stage's (priority_base primary), or all the centre's (centre:
    /// infant, primary and a CEIPSO's ESO; missing infant columns count 0).
    /// </summary>
    public static (int Comp, int Pupils, string Words) Base(Centre c, Policy p)
    {
        if (p.PriorityBase == PriorityBase.Primary)
            return (c.PrimaryComp, c.PrimaryPupils, "primary pupils");
        var eso = c.Kind == CentreKind.CEIPSO;
        return (
            c.InfantComp + c.PrimaryComp + (eso ? c.EsoComp : 0),
            c.InfantPupils + c.PrimaryPupils + (eso ? c.EsoPupils : 0),
            eso ? "pupils of the centre (infant, primary, ESO)" : "pupils of the centre (infant, primary)"
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

    public override string ReadingFor(Centre c, Policy p, in Facts f, int result)
    {
        if (!c.IsPublic && c.Kind.TeachesPrimary())
            return "Reading chosen, not in the text: the text does not say the centre must be public; the project "
                + "reads that the EOEP serves public centres, so a concertado centre is not a preferred-action centre";
        var strict = p.PriorityStrict
            ? "\"más de\" read as strictly greater (priority_strict true)"
            : "the line itself counted as crossing (priority_strict false, a what-if)";
        var basis =
            p.PriorityBase == PriorityBase.Primary
                ? "over the primary stage's pupils, the stage Octava is about (priority_base primary)"
                : "over all the centre's pupils (priority_base centre)";
        return $"Reading chosen: {strict}, in exact decimal arithmetic, {basis}";
    }

    public override string Because(Centre c, Policy p, in Facts f, int result)
    {
        if (!c.Kind.TeachesPrimary())
            return "teaches no primary stage";
        if (!c.Programme)
            return NoProgramme;
        if (!c.IsPublic)
            return "a concertado centre: not a preferred-action centre";
        var limit = (p.PriorityStrict ? "more than " : "at least ") + Percent(p.PriorityThreshold * 100);
        var (comp, pupils, words) = Base(c, p);
        if (pupils == 0)
            return $"0 {words}: never a preferred-action centre";
        var share = Percent(100m * comp / pupils);
        var of = $"{N(comp)} of {N(pupils)} {words} = {share}";
        return result == 1
            ? $"{of}, {limit}: a preferred-action centre for the EOEP"
            : $"{of}, not {limit}: not a preferred-action centre";
    }
}
