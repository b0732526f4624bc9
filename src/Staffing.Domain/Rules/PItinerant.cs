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

    public override Explanation Reading => Explanation.Of(nameof(Texts.ReadingPItinerant));

    public override IReadOnlyList<string> Parameters => ["itinerant_share", "itinerant_group_max"];

    public override Resource? Gives => Resource.PrimaryItinerant;

    public override int Evaluate(Centre c, Policy p, in Facts f) =>
        PrimaryStage(c) && p.PublicServices(c) && c.PrimaryComp > 0 && f.PrimaryPosts + f.CraPosts == 0 && c.ItinerantJustified
            ? 1
            : 0;

    public override Explanation Because(Centre c, Policy p, in Facts f, int result)
    {
        if (!c.Kind.TeachesPrimary())
            return Explanation.Of(nameof(Texts.BecauseNoPrimary));
        if (!c.Programme)
            return NoProgramme;
        return ItinerantBecause(c, p, Stage.Primary, f.PrimaryPosts + f.CraPosts, result);
    }

    public override Explanation ReadingFor(Centre c, Policy p, in Facts f, int result) => ItinerantReading(c, p, Reading);

    internal static Explanation ItinerantReading(Centre c, Policy p, Explanation reading) =>
        !p.PublicServices(c) ? PublicServiceReading(Explanation.Of(nameof(Texts.ReadingWhatItinerants)))
        : c.IsPublic ? Explanation.Of(nameof(Texts.ReadingItinerantChosen), reading, p.ItinerantGroupMax, p.ItinerantShareDays)
        : Explanation.Clauses(
            Explanation.Of(nameof(Texts.ReadingItinerantChosen), reading, p.ItinerantGroupMax, p.ItinerantShareDays),
            Explanation.Of(nameof(Texts.ReadingConcertadoAsPublic))
        );

    /// <summary>Why a stage is, or is not, eligible for an itinerant share (P-ITINERANT and S-ITINERANT).</summary>
    internal static Explanation ItinerantBecause(Centre c, Policy p, Stage stage, int posts, int result)
    {
        var primary = stage == Stage.Primary;
        if (!p.PublicServices(c))
            return Explanation.Of(nameof(Texts.BecauseConcertadoNoItinerant));
        if (c.Comp(stage) == 0)
            return primary ? Explanation.Of(nameof(Texts.BecauseNoCompPrimary)) : Explanation.Of(nameof(Texts.BecauseNoCompEso));
        if (posts > 0)
            return Explanation.Of(nameof(Texts.BecauseOwnPosts));
        return result == 1
            ? Explanation.Of(
                primary ? nameof(Texts.BecauseItinerantPrimary) : nameof(Texts.BecauseItinerantEso),
                c.Comp(stage),
                p.ItinerantShare
            )
            : Explanation.Of(primary ? nameof(Texts.BecauseNotJustifiedPrimary) : nameof(Texts.BecauseNotJustifiedEso), c.Comp(stage));
    }
}
