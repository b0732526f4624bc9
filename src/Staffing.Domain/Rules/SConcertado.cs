using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>S-CONCERTADO: a concertado centre holds its S-SUPPORT posts through its funding agreement.</summary>
public sealed class SConcertado() : Rule(Id, "Novena d")
{
    public new const string Id = "S-CONCERTADO";

    public override string Text =>
        "Los centros privados concertados, en los que se cumplan las condiciones recogidas en la presente "
        + "instrucción, podrán contar en su concierto educativo con profesor de apoyo de compensación educativa.";

    public override Explanation Reading => Explanation.Of(nameof(Texts.ReadingSConcertado));

    public override IReadOnlyList<string> Parameters =>
        ["concertado_support", "concertado_public_services", "concertado_in_pool"];

    public override IReadOnlyList<string> DependsOn => [SSupport.Id];

    public override int Evaluate(Centre c, Policy p, in Facts f) => !c.IsPublic && f.SecondaryPosts > 0 ? 1 : 0;

    public override Explanation Because(Centre c, Policy p, in Facts f, int result) =>
        PConcertado.AgreementBecause(c, p, result, f.SecondaryPosts, SSupport.Id);

    public override Explanation ReadingFor(Centre c, Policy p, in Facts f, int result) =>
        PConcertado.AgreementReading(c, p, SSupport.Id, Explanation.Of(nameof(Texts.ReadingServicesSecondary)));
}
