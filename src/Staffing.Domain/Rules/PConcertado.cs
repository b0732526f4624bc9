using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>P-CONCERTADO: a concertado centre holds its P-SUPPORT posts through its funding agreement.</summary>
public sealed class PConcertado() : Rule(Id, "Octava d")
{
    public new const string Id = "P-CONCERTADO";

    public override string Text =>
        "Los centros privados concertados, en los que se cumplan las condiciones recogidas en la presente "
        + "instrucción, podrán contar en su concierto educativo con profesor de apoyo de compensación educativa.";

    public override string Reading =>
        "The posts are computed as P-SUPPORT's and funded by the agreement, outside the public pool (concertado_in_pool "
        + "moves them in). The text names only the support teacher: EOEP days, PTSC and itinerant shares are read as "
        + "public services that do not apply.";

    public override IReadOnlyList<string> Parameters => ["concertado_in_pool"];

    public override IReadOnlyList<string> DependsOn => [PSupport.Id];

    /// <summary>Support posts of a public centre, or of any centre with concertado_in_pool, count against the pool.</summary>
    internal static Funding SupportFunding(Centre c, Policy p) =>
        c.IsPublic || p.ConcertadoInPool ? Domain.Funding.Pool : Domain.Funding.Agreement;

    public override int Evaluate(Centre c, Policy p, in Facts f) => !c.IsPublic && f.PrimaryPosts > 0 ? 1 : 0;

    public override string Because(Centre c, Policy p, in Facts f, int result) =>
        AgreementBecause(c, p, result, f.PrimaryPosts, PSupport.Id);

    public override string ReadingFor(Centre c, Policy p, in Facts f, int result) =>
        AgreementReading(c, p, PSupport.Id, "EOEP days, PTSC days and itinerant shares");

    /// <summary>The reading behind a concertado centre's posts (P-CONCERTADO and S-CONCERTADO).</summary>
    internal static string AgreementReading(Centre c, Policy p, string supportRule, string publicServices) =>
        c.IsPublic
            ? "None: the paragraph is about concertado centres"
            : "Reading chosen, not in the text: the text says such a centre \"podrá contar en su concierto educativo "
                + $"con profesor de apoyo\"; the project computes the posts as {supportRule}'s, funded by the agreement "
                + (
                    p.ConcertadoInPool
                        ? "and, here, counted in the public pool (concertado_in_pool true)"
                        : "outside the public pool (concertado_in_pool false)"
                )
                + $"; the text names only the support teacher, so {publicServices} are read as not given to it";

    /// <summary>Why a concertado centre's posts are held by its agreement (P-CONCERTADO and S-CONCERTADO).</summary>
    internal static string AgreementBecause(Centre c, Policy p, int result, int posts, string supportRule)
    {
        if (c.IsPublic)
            return "a public centre";
        if (result == 0)
            return $"a concertado centre with no {supportRule} post";
        return $"a concertado centre holds its {Plural(posts, "support post", "support posts")} through its funding agreement"
            + (
                p.ConcertadoInPool
                    ? ", counted against the public pool (concertado_in_pool)"
                    : ", outside the public pool"
            );
    }
}
