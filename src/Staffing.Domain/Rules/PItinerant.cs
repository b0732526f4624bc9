using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>P-ITINERANT: a primary centre below its own threshold, need justified, shares an itinerant teacher.</summary>
public sealed class PItinerant() : Rule(Id, "Octava b")
{
    public new const string Id = "P-ITINERANT";

    public override string Text =>
        "En los centros docentes que escolaricen alumnos de estas características en un número inferior al "
        + "establecido para contar con profesorado de apoyo del programa de educación compensatoria, y siempre y "
        + "cuando se justifique su necesidad, se adscribirá un maestro de apoyo itinerante del programa de educación "
        + "compensatoria compartido con otro centro preferentemente de la misma localidad y de similares "
        + "características.";

    public override string Reading =>
        "Eligible: compensatory pupils, no P-SUPPORT or P-CRA post, itinerant_justified. Itinerant teachers are read "
        + "as a public service (not for a concertado centre). One teacher serves itinerant_share centres of one area, "
        + "paired by locality, kind, distance and similar counts.";

    public override IReadOnlyList<string> Parameters => ["itinerant_share", "itinerant_group_max"];

    public override Resource? Gives => Resource.PrimaryItinerant;

    public override int Evaluate(Centre c, Policy p, in Facts f) =>
        PrimaryStage(c) && c.IsPublic && c.PrimaryComp > 0 && f.PrimaryPosts + f.CraPosts == 0 && c.ItinerantJustified
            ? 1
            : 0;

    public override string Because(Centre c, Policy p, in Facts f, int result)
    {
        if (!c.Kind.TeachesPrimary())
            return "teaches no primary stage";
        if (!c.Programme)
            return NoProgramme;
        return ItinerantBecause(c, p, Stage.Primary, f.PrimaryPosts + f.CraPosts, result);
    }

    public override string ReadingFor(Centre c, Policy p, in Facts f, int result) => ItinerantReading(c, p, Reading);

    internal static string ItinerantReading(Centre c, Policy p, string reading) =>
        c.IsPublic
            ? $"Reading chosen: {reading} An odd centre joins a group of up to itinerant_group_max ({N(p.ItinerantGroupMax)}); "
                + $"a centre alone in its area and stage has a teacher of its own for {N(p.ItinerantShareDays)} days"
            : PublicServiceReading("the itinerant teachers");

    /// <summary>Why a stage is, or is not, eligible for an itinerant share (P-ITINERANT and S-ITINERANT).</summary>
    internal static string ItinerantBecause(Centre c, Policy p, Stage stage, int posts, int result)
    {
        var stageName = stage == Stage.Primary ? "primary" : "ESO";
        if (!c.IsPublic)
            return "a concertado centre: no itinerant share";
        if (c.Comp(stage) == 0)
            return $"no compensatory {stageName} pupils";
        if (posts > 0)
            return "the centre has its own support posts, so no itinerant share";
        var below = $"{N(c.Comp(stage))} compensatory {stageName} pupils give no post of its own";
        return result == 1
            ? $"{below} and the need is justified: eligible for a share of an itinerant teacher shared by "
                + $"{N(p.ItinerantShare)} centres"
            : $"{below}, but the need is not justified (itinerant_justified false)";
    }
}
