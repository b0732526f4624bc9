using System.Globalization;
using Staffing.Domain;

namespace Staffing.Rules;

public sealed class PPriority : Rule
{
    public override string Id => "P-PRIORITY";
    public override string Instruction => "Octava c";

    public override int Evaluate(Centre c, Policy.Policy p, in Facts f) =>
        PrimaryStage(c) && c.IsPublic && Crosses(c.PrimaryComp, c.PrimaryPupils, p) ? 1 : 0;

    /// <summary>comp / pupils against the threshold, in exact decimal arithmetic; 0 pupils never crosses.</summary>
    public static bool Crosses(int comp, int pupils, Policy.Policy p)
    {
        if (pupils <= 0) return false;
        var lhs = (decimal)comp;
        var rhs = p.PriorityThreshold * pupils;
        return p.PriorityStrict ? lhs > rhs : lhs >= rhs;
    }

    public override string Because(Centre c, Policy.Policy p, in Facts f, int result)
    {
        if (!c.Kind.TeachesPrimary()) return "teaches no primary stage";
        if (!c.Programme) return NoProgramme;
        if (!c.IsPublic) return "a concertado centre is not a preferred-action centre of the EOEP (the rule speaks of public centres)";
        var limit = (p.PriorityStrict ? "more than " : "at least ") + Percent(p.PriorityThreshold * 100);
        if (c.PrimaryPupils == 0) return "0 primary pupils: never a preferred-action centre";
        var share = Percent(100m * c.PrimaryComp / c.PrimaryPupils);
        return result == 1
            ? $"{N(c.PrimaryComp)} of {N(c.PrimaryPupils)} primary pupils = {share}, {limit}: a preferred-action centre for the EOEP"
            : $"{N(c.PrimaryComp)} of {N(c.PrimaryPupils)} primary pupils = {share}, not {limit}: not a preferred-action centre";
    }

    public static string Percent(decimal value) =>
        Math.Round(value, 3, MidpointRounding.AwayFromZero).ToString("0.0##", CultureInfo.InvariantCulture) + "%";
}

public sealed class PSupport : Rule
{
    public override string Id => "P-SUPPORT";
    public override string Instruction => "Octava a";

    /// <summary>CEIP and CEIPSO; a concertado CRA; a CRA that falls back when P-CRA needs the 25% it lacks.</summary>
    public static bool AppliesTo(Centre c, Policy.Policy p, in Facts f) =>
        PrimaryStage(c) && (c.Kind != CentreKind.CRA || !c.IsPublic || (p.CraRequiresPriority && !f.Priority));

    public override int Evaluate(Centre c, Policy.Policy p, in Facts f) =>
        AppliesTo(c, p, f) ? Math.Min(p.Round(c.PrimaryComp, p.PrimaryRatio), p.CycleCap * c.Cycles) : 0;

    public override string Because(Centre c, Policy.Policy p, in Facts f, int result)
    {
        if (!c.Kind.TeachesPrimary()) return "teaches no primary stage";
        if (!c.Programme) return NoProgramme;
        if (!AppliesTo(c, p, f)) return "a CRA is staffed by P-CRA instead";
        var cap = p.CycleCap * c.Cycles;
        var raw = p.Round(c.PrimaryComp, p.PrimaryRatio);
        var text = $"one support teacher per {N(p.PrimaryRatio)} compensatory primary pupils: {RoundingText(p, c.PrimaryComp, p.PrimaryRatio)}";
        text += raw > cap
            ? $", capped at {N(p.CycleCap)} per cycle × {Plural(c.Cycles, "cycle", "cycles")} = {N(cap)}"
            : $" (cap {N(cap)}: {N(p.CycleCap)} per cycle × {Plural(c.Cycles, "cycle", "cycles")})";
        if (c.Kind == CentreKind.CRA && c.IsPublic) text += "; a CRA that is not a preferred-action centre falls back to this rule (cra_requires_priority)";
        return text;
    }
}

public sealed class PItinerant : Rule
{
    public override string Id => "P-ITINERANT";
    public override string Instruction => "Octava b";

    public override int Evaluate(Centre c, Policy.Policy p, in Facts f) =>
        PrimaryStage(c) && c.IsPublic && c.PrimaryComp > 0 && f.PrimaryPosts + f.CraPosts == 0 && c.ItinerantJustified ? 1 : 0;

    public override string Because(Centre c, Policy.Policy p, in Facts f, int result)
    {
        if (!c.Kind.TeachesPrimary()) return "teaches no primary stage";
        if (!c.Programme) return NoProgramme;
        return ItinerantBecause(c, p, Stage.Primary, f.PrimaryPosts + f.CraPosts, result, "Octava d");
    }

    /// <summary>Why a stage is, or is not, eligible for an itinerant share (P-ITINERANT and S-ITINERANT).</summary>
    internal static string ItinerantBecause(Centre c, Policy.Policy p, Stage stage, int posts, int result, string concertadoInstruction)
    {
        var stageName = stage == Stage.Primary ? "primary" : "ESO";
        if (!c.IsPublic) return $"itinerant teachers are a public service: not for a concertado centre ({concertadoInstruction})";
        if (c.Comp(stage) == 0) return $"no compensatory {stageName} pupils";
        if (posts > 0) return "the centre has its own support posts, so no itinerant share";
        var below = $"{N(c.Comp(stage))} compensatory {stageName} pupils give no post of its own";
        return result == 1
            ? $"{below} and the need is justified: eligible for a share of an itinerant teacher shared by {N(p.ItinerantShare)} centres"
            : $"{below}, but the need is not justified (itinerant_justified false)";
    }
}

public sealed class PSai : Rule
{
    public override string Id => "P-SAI";
    public override string Instruction => "Octava b, 2nd paragraph";

    public override int Evaluate(Centre c, Policy.Policy p, in Facts f) => c.Kind.TeachesPrimary() && c.NoSpanish > 0 ? 1 : 0;

    public override string Because(Centre c, Policy.Policy p, in Facts f, int result) => result == 1
        ? $"{Plural(c.NoSpanish, "pupil does", "pupils do")} not know Spanish: may request the itinerant immigrant support service (SAI); a referral, not staffed here"
        : c.Kind.TeachesPrimary() ? "no pupils without Spanish" : "teaches no primary stage";
}

public sealed class PPsycho : Rule
{
    public override string Id => "P-PSYCHO";
    public override string Instruction => "Octava c.a";

    public static int Count(Centre c, Policy.Policy p) =>
        c.PrimaryComp + (p.PsychoCountStages == Policy.CountStages.Both && c.Kind == CentreKind.CEIPSO ? c.EsoComp : 0);

    public override int Evaluate(Centre c, Policy.Policy p, in Facts f) => f.Priority ? p.PsychoDays(Count(c, p)) : 0;

    public override string Because(Centre c, Policy.Policy p, in Facts f, int result)
    {
        if (!f.Priority) return "not a preferred-action centre (P-PRIORITY)";
        var tiers = string.Join(", ", p.PsychoDayTiers.Select(t => $"{t.Days} from {t.From}"));
        return $"a preferred-action centre with {N(Count(c, p))} compensatory pupils: {Plural(result, "day", "days")} a week of a psychopedagogue (tiers: {tiers})";
    }
}

public sealed class PPtsc : Rule
{
    public override string Id => "P-PTSC";
    public override string Instruction => "Octava c.b";

    public override int Evaluate(Centre c, Policy.Policy p, in Facts f) => f.Priority ? p.PtscDaysByNeed[c.PtscNeed - 1] : 0;

    public override string Because(Centre c, Policy.Policy p, in Facts f, int result) => f.Priority
        ? $"a preferred-action centre with socio-educational need {N(c.PtscNeed)}: {Plural(result, "day", "days")} a week of a PTSC"
        : "not a preferred-action centre (P-PRIORITY)";
}

public sealed class PCra : Rule
{
    public override string Id => "P-CRA";
    public override string Instruction => "Octava c, third term";

    public static bool AppliesTo(Centre c, Policy.Policy p, in Facts f) =>
        PrimaryStage(c) && c.Kind == CentreKind.CRA && c.IsPublic && (!p.CraRequiresPriority || f.Priority);

    public override int Evaluate(Centre c, Policy.Policy p, in Facts f) =>
        AppliesTo(c, p, f) ? p.Round(c.PrimaryComp, p.CraRatio) : 0;

    public override string Because(Centre c, Policy.Policy p, in Facts f, int result)
    {
        if (c.Kind != CentreKind.CRA) return "not a rural grouped school (CRA)";
        if (!c.Programme) return NoProgramme;
        if (!c.IsPublic) return "a concertado CRA holds support posts by P-SUPPORT and P-CONCERTADO";
        if (!AppliesTo(c, p, f)) return "the CRA is not a preferred-action centre and cra_requires_priority is true: P-SUPPORT applies instead";
        return $"one itinerant support teacher among the CRA's villages per {N(p.CraRatio)} compensatory pupils: {RoundingText(p, c.PrimaryComp, p.CraRatio)}";
    }
}

public sealed class PConcertado : Rule
{
    public override string Id => "P-CONCERTADO";
    public override string Instruction => "Octava d";

    public override int Evaluate(Centre c, Policy.Policy p, in Facts f) => !c.IsPublic && f.PrimaryPosts > 0 ? 1 : 0;

    public override string Because(Centre c, Policy.Policy p, in Facts f, int result)
    {
        if (c.IsPublic) return "a public centre";
        if (result == 0) return "a concertado centre with no P-SUPPORT post";
        return $"a concertado centre holds its {Plural(f.PrimaryPosts, "support post", "support posts")} through its funding agreement"
            + (p.ConcertadoInPool ? ", counted against the public pool (concertado_in_pool)" : ", outside the public pool")
            + "; EOEP days, PTSC and itinerant shares do not apply";
    }
}
