using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>P-SAI: pupils who do not know Spanish may be referred to the itinerant immigrant support service.</summary>
public sealed class PSai() : Rule(Id, "Octava b, 2nd paragraph")
{
    public override Explanation InstructionLabel => Explanation.Of(nameof(Texts.InstructionSecondParagraph), "Octava b");

    public new const string Id = "P-SAI";

    public override string Text =>
        "Igualmente, para la atención al alumnado con desconocimiento del español, los centros podrán solicitar el "
        + "apoyo del Servicio de Apoyo Itinerante al Alumnado Inmigrante (SAI).";

    public override Explanation Reading => Explanation.Of(nameof(Texts.ReadingPSai));

    public override IReadOnlyList<string> Parameters => [];

    public override int Evaluate(Centre c, Policy p, in Facts f) => c.Kind.TeachesPrimary() && c.NoSpanish > 0 ? 1 : 0;

    public override Explanation Because(Centre c, Policy p, in Facts f, int result) =>
        result == 1 ? Referral(c)
        : c.Kind.TeachesPrimary() ? Explanation.Of(nameof(Texts.BecauseNoPupilsWithoutSpanish))
        : Explanation.Of(nameof(Texts.BecauseNoPrimary));

    /// <summary>The referral's words, the same for P-SAI and S-SAI.</summary>
    internal static Explanation Referral(Centre c) =>
        Explanation.Count(c.NoSpanish, nameof(Texts.BecauseReferralOne), nameof(Texts.BecauseReferralMany));
}
