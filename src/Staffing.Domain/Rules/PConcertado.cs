using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>P-CONCERTADO: a concertado centre holds its P-SUPPORT posts through its funding agreement.</summary>
public sealed class PConcertado() : Rule(Id, "Octava d")
{
    public new const string Id = "P-CONCERTADO";

    public override string Text =>
        "Los centros privados concertados, en los que se cumplan las condiciones recogidas en la presente "
        + "instrucción, podrán contar en su concierto educativo con profesor de apoyo de compensación educativa.";

    public override Explanation Reading => Explanation.Of(nameof(Texts.ReadingPConcertado));

    public override IReadOnlyList<string> Parameters =>
        ["concertado_support", "concertado_public_services", "concertado_in_pool"];

    public override IReadOnlyList<string> DependsOn => [PSupport.Id];

    /// <summary>Support posts of a public centre, or of any centre with concertado_in_pool, count against the pool.</summary>
    internal static Funding SupportFunding(Centre c, Policy p) =>
        c.IsPublic || p.ConcertadoInPool ? Domain.Funding.Pool : Domain.Funding.Agreement;

    public override int Evaluate(Centre c, Policy p, in Facts f) => !c.IsPublic && f.PrimaryPosts > 0 ? 1 : 0;

    /// <summary>
    /// A concertado centre's support posts under concertado_support: as the ratio gives (ratio), one when it gives
    /// any (one), none (none). A public centre's are the ratio's.
    /// </summary>
    internal static int AgreementPosts(Centre c, Policy p, int posts) =>
        c.IsPublic ? posts
        : p.ConcertadoSupport switch
        {
            ConcertadoSupport.Ratio => posts,
            ConcertadoSupport.One => Math.Min(posts, 1),
            _ => 0,
        };

    /// <summary>What concertado_support did to the ratio's posts, or null when nothing (a public centre, ratio).</summary>
    internal static Explanation? AgreementNote(Centre c, Policy p, int posts) =>
        c.IsPublic || p.ConcertadoSupport == ConcertadoSupport.Ratio || posts == 0 ? null
        : p.ConcertadoSupport == ConcertadoSupport.One ? Explanation.Of(nameof(Texts.BecauseConcertadoOne), posts)
        : Explanation.Of(nameof(Texts.BecauseConcertadoNone), posts);

    public override Explanation Because(Centre c, Policy p, in Facts f, int result) =>
        AgreementBecause(c, p, result, f.PrimaryPosts, PSupport.Id);

    public override Explanation ReadingFor(Centre c, Policy p, in Facts f, int result) =>
        AgreementReading(c, p, PSupport.Id, Explanation.Of(nameof(Texts.ReadingServicesPrimary)));

    /// <summary>The reading behind a concertado centre's posts (P-CONCERTADO and S-CONCERTADO).</summary>
    internal static Explanation AgreementReading(Centre c, Policy p, string supportRule, Explanation publicServices) =>
        c.IsPublic
            ? Explanation.Of(nameof(Texts.ReadingNoneConcertado))
            : Explanation.Of(nameof(Texts.ReadingAgreement),
                p.ConcertadoSupport switch
                {
                    ConcertadoSupport.Ratio => Explanation.Of(nameof(Texts.ReadingAgreementRatio), supportRule),
                    ConcertadoSupport.One => Explanation.Of(nameof(Texts.ReadingAgreementOne), supportRule),
                    _ => Explanation.Of(nameof(Texts.ReadingAgreementNone)),
                },
                Explanation.Of(p.ConcertadoInPool ? nameof(Texts.ReadingAgreementInPool) : nameof(Texts.ReadingAgreementOutside)),
                Explanation.Of(
                    p.ConcertadoPublicServices ? nameof(Texts.ReadingAgreementServices) : nameof(Texts.ReadingAgreementNoServices),
                    publicServices
                )
            );

    /// <summary>Why a concertado centre's posts are held by its agreement (P-CONCERTADO and S-CONCERTADO).</summary>
    internal static Explanation AgreementBecause(Centre c, Policy p, int result, int posts, string supportRule)
    {
        if (c.IsPublic)
            return Explanation.Of(nameof(Texts.BecausePublicCentre));
        if (result == 0)
            return Explanation.Of(nameof(Texts.BecauseConcertadoNoPost), supportRule);
        return Explanation.Of(
            p.ConcertadoInPool ? nameof(Texts.BecauseAgreementInPool) : nameof(Texts.BecauseAgreement),
            Explanation.Count(posts, nameof(Texts.BecauseSupportPostOne), nameof(Texts.BecauseSupportPostMany))
        );
    }
}
