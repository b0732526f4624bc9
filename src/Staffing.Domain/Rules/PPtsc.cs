using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>P-PTSC: a preferred-action centre gets a PTSC 1 to 3 days a week by its socio-educational need.</summary>
public sealed class PPtsc() : Rule(Id, "Octava c.b")
{
    public new const string Id = "P-PTSC";

    public override string Text =>
        "Intervención directa de un profesor técnico de formación profesional de servicios a la comunidad de uno a "
        + "tres días semanales, en función de las necesidades de intervención socioeducativa en el centro.";

    public override Explanation Reading => Explanation.Of(nameof(Texts.ReadingPPtsc));

    public override IReadOnlyList<string> Parameters => ["ptsc_days_by_need"];

    public override Resource? Gives => Resource.PtscDays;

    public override IReadOnlyList<string> DependsOn => [PPriority.Id];

    public override int Evaluate(Centre c, Policy p, in Facts f) => f.Priority ? p.PtscDaysByNeed[c.PtscNeed - 1] : 0;

    public override Explanation ReadingFor(Centre c, Policy p, in Facts f, int result) =>
        f.Priority
            ? Explanation.Of(nameof(Texts.ReadingPtscAssumption), string.Join(", ", p.PtscDaysByNeed))
            : Explanation.Of(nameof(Texts.ReadingNoneNotPriority));

    public override Explanation Because(Centre c, Policy p, in Facts f, int result) =>
        f.Priority
            ? Explanation.Clauses(Explanation.Of(nameof(Texts.BecausePtsc), c.PtscNeed, Explanation.Count(result, nameof(Texts.BecauseDayOne), nameof(Texts.BecauseDayMany))),
                OutsideTheText(result))
            : Explanation.Of(nameof(Texts.BecauseNotPriority));
}
