using Staffing.Domain;

namespace Staffing.Rules;

public sealed class SSupport : Rule
{
    public override string Id => "S-SUPPORT";
    public override string Instruction => "Novena a";

    public override int Evaluate(Centre c, Policy.Policy p, in Facts f) =>
        SecondaryStage(c, p) ? Math.Min(p.Round(c.EsoComp, p.SecondaryRatio), p.SecondaryCap) : 0;

    public override string Because(Centre c, Policy.Policy p, in Facts f, int result)
    {
        if (SecondaryGate(c, p) is { } no) return no;
        var raw = p.Round(c.EsoComp, p.SecondaryRatio);
        return $"one support teacher in the guidance department per {N(p.SecondaryRatio)} compensatory ESO pupils: {RoundingText(p, c.EsoComp, p.SecondaryRatio)}"
            + (raw > p.SecondaryCap ? $", capped at {N(p.SecondaryCap)} in the stage" : $" (cap {N(p.SecondaryCap)})");
    }

    internal static string? SecondaryGate(Centre c, Policy.Policy p)
    {
        if (!c.Kind.TeachesEso()) return "teaches no ESO stage";
        if (c.Kind == CentreKind.CEIPSO && !p.CeipsoSecondaryRules) return "a CEIPSO's ESO stage is not staffed by the S-* rules (ceipso_secondary_rules false)";
        return c.Programme ? null : NoProgramme;
    }
}

public sealed class SPtsc : Rule
{
    public override string Id => "S-PTSC";
    public override string Instruction => "Novena b";

    public override int Evaluate(Centre c, Policy.Policy p, in Facts f) =>
        c.IsPublic && f.SecondaryPosts >= p.SecondaryPtscMinSupport ? 1 : 0;

    public override string Because(Centre c, Policy.Policy p, in Facts f, int result)
    {
        if (SSupport.SecondaryGate(c, p) is { } no) return no;
        if (!c.IsPublic) return "a concertado centre gets no PTSC post (Novena d)";
        return result == 1
            ? $"{Plural(f.SecondaryPosts, "support post", "support posts")}, at least {N(p.SecondaryPtscMinSupport)}: one PTSC post in the guidance department"
            : $"{Plural(f.SecondaryPosts, "support post", "support posts")}, fewer than {N(p.SecondaryPtscMinSupport)}: no PTSC post";
    }
}

public sealed class SItinerant : Rule
{
    public override string Id => "S-ITINERANT";
    public override string Instruction => "Novena c";

    public override int Evaluate(Centre c, Policy.Policy p, in Facts f) =>
        SecondaryStage(c, p) && c.IsPublic && c.EsoComp > 0 && f.SecondaryPosts == 0 && c.ItinerantJustified ? 1 : 0;

    public override string Because(Centre c, Policy.Policy p, in Facts f, int result) =>
        SSupport.SecondaryGate(c, p) ?? PItinerant.ItinerantBecause(c, p, Stage.Secondary, f.SecondaryPosts, result, "Novena d");
}

public sealed class SSai : Rule
{
    public override string Id => "S-SAI";
    public override string Instruction => "Novena c, 2nd paragraph";

    public override int Evaluate(Centre c, Policy.Policy p, in Facts f) => c.Kind.TeachesEso() && c.NoSpanish > 0 ? 1 : 0;

    public override string Because(Centre c, Policy.Policy p, in Facts f, int result) => result == 1
        ? $"{Plural(c.NoSpanish, "pupil does", "pupils do")} not know Spanish: may request the itinerant immigrant support service (SAI); a referral, not staffed here"
        : c.Kind.TeachesEso() ? "no pupils without Spanish" : "teaches no ESO stage";
}

public sealed class SConcertado : Rule
{
    public override string Id => "S-CONCERTADO";
    public override string Instruction => "Novena d";

    public override int Evaluate(Centre c, Policy.Policy p, in Facts f) => !c.IsPublic && f.SecondaryPosts > 0 ? 1 : 0;

    public override string Because(Centre c, Policy.Policy p, in Facts f, int result)
    {
        if (c.IsPublic) return "a public centre";
        if (result == 0) return "a concertado centre with no S-SUPPORT post";
        return $"a concertado centre holds its {Plural(f.SecondaryPosts, "support post", "support posts")} through its funding agreement"
            + (p.ConcertadoInPool ? ", counted against the public pool (concertado_in_pool)" : ", outside the public pool")
            + "; no PTSC post, no itinerant share";
    }
}
