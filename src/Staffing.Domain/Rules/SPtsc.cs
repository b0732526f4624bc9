using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>S-PTSC: an institute with at least two support teachers gains a PTSC post.</summary>
public sealed class SPtsc() : Rule(Id, "Novena b")
{
    public new const string Id = "S-PTSC";

    public override string Text =>
        "En los institutos de Educación Secundaria con actuaciones de compensación educativa que cuenten, al menos, "
        + "con dos profesores de apoyo del programa de educación compensatoria, se ampliará la dotación de "
        + "profesorado del departamento de orientación con un profesor técnico de formación profesional de servicios "
        + "a la comunidad.";

    public override Explanation Reading => Explanation.Of(nameof(Texts.ReadingSPtsc));

    public override IReadOnlyList<string> Parameters =>
        ["secondary_ptsc_min_support", "ceipso_secondary_ptsc", "concertado_public_services"];

    public override Resource? Gives => Resource.SecondaryPtsc;

    public override IReadOnlyList<string> DependsOn => [SSupport.Id];

    public override int Evaluate(Centre c, Policy p, in Facts f) =>
        p.PublicServices(c)
        && (c.Kind != CentreKind.CEIPSO || p.CeipsoSecondaryPtsc)
        && f.SecondaryPosts >= p.SecondaryPtscMinSupport
            ? 1
            : 0;

    public override Explanation Because(Centre c, Policy p, in Facts f, int result)
    {
        if (SSupport.SecondaryGate(c, p) is { } no)
            return no;
        if (!p.PublicServices(c))
            return Explanation.Of(nameof(Texts.BecauseConcertadoNoPtsc));
        if (c.Kind == CentreKind.CEIPSO && !p.CeipsoSecondaryPtsc)
            return Explanation.Of(nameof(Texts.BecauseCeipsoNotInstitute));
        return Explanation.Of(
            result == 1 ? nameof(Texts.BecausePtscYes) : nameof(Texts.BecausePtscNo),
            Explanation.Count(f.SecondaryPosts, nameof(Texts.BecauseSupportPostOne), nameof(Texts.BecauseSupportPostMany)),
            p.SecondaryPtscMinSupport
        );
    }
}
