using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>S-SAI: as P-SAI, for the ESO stage.</summary>
public sealed class SSai() : Rule(Id, "Novena c, 2nd paragraph")
{
    public override Explanation InstructionLabel => Explanation.Of(nameof(Texts.InstructionSecondParagraph), "Novena c");

    public new const string Id = "S-SAI";

    public override string Text =>
        "Igualmente, para la atención al alumnado con desconocimiento del español, podrán solicitar el apoyo del "
        + "Servicio de Apoyo Itinerante al Alumnado Inmigrante (SAI).";

    public override Explanation Reading => Explanation.Of(nameof(Texts.ReadingSSai));

    public override IReadOnlyList<string> Parameters => [];

    public override int Evaluate(Centre c, Policy p, in Facts f) => c.Kind.TeachesEso() && c.NoSpanish > 0 ? 1 : 0;

    public override Explanation Because(Centre c, Policy p, in Facts f, int result) =>
        result == 1 ? PSai.Referral(c)
        : c.Kind.TeachesEso() ? Explanation.Of(nameof(Texts.BecauseNoPupilsWithoutSpanish))
        : Explanation.Of(nameof(Texts.BecauseNoEso));
}
