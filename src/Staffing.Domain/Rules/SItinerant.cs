using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>S-ITINERANT: an ESO stage with no S-SUPPORT post, need justified, shares an itinerant teacher.</summary>
public sealed class SItinerant() : Rule(Id, "Novena c")
{
    public new const string Id = "S-ITINERANT";

    public override string Text =>
        "En los institutos de Educación Secundaria que no cumplan los requisitos establecidos para disponer de "
        + "profesorado de apoyo del programa de educación compensatoria, se organizarán las actuaciones educativas "
        + "necesarias a través del departamento de orientación. No obstante, cuando se justifique su necesidad, se "
        + "adscribirán profesores de apoyo itinerantes del programa de educación compensatoria, compartidos con otro "
        + "centro, preferentemente de la misma localidad y similares características.";

    public override Explanation Reading => Explanation.Of(nameof(Texts.ReadingSItinerant));

    public override IReadOnlyList<string> Parameters =>
        ["itinerant_share", "itinerant_group_max", "ceipso_secondary_rules"];

    public override Resource? Gives => Resource.SecondaryItinerant;

    public override int Evaluate(Centre c, Policy p, in Facts f) =>
        SecondaryStage(c, p) && p.PublicServices(c) && c.EsoComp > 0 && f.SecondaryPosts == 0 && c.ItinerantJustified ? 1 : 0;

    public override Explanation Because(Centre c, Policy p, in Facts f, int result) =>
        SSupport.SecondaryGate(c, p) ?? PItinerant.ItinerantBecause(c, p, Stage.Secondary, f.SecondaryPosts, result);

    public override Explanation ReadingFor(Centre c, Policy p, in Facts f, int result) =>
        PItinerant.ItinerantReading(c, p, Reading);
}
