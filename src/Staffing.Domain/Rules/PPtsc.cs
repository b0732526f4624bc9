using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>P-PTSC: a preferred-action centre gets a PTSC 1 to 3 days a week by its socio-educational need.</summary>
public sealed class PPtsc() : Rule(Id, "Octava c.b")
{
    public new const string Id = "P-PTSC";

    public override string Text =>
        "Intervención directa de un profesor técnico de formación profesional de servicios a la comunidad de uno a "
        + "tres días semanales, en función de las necesidades de intervención socioeducativa en el centro.";

    public override string Reading =>
        "The need is an input (ptsc_need 1 to 3, 1 when missing); the days for each need are a parameter, by default "
        + "the need itself.";

    public override IReadOnlyList<string> Parameters => ["ptsc_days_by_need"];

    public override Resource? Gives => Resource.PtscDays;

    public override IReadOnlyList<string> DependsOn => [PPriority.Id];

    public override int Evaluate(Centre c, Policy p, in Facts f) => f.Priority ? p.PtscDaysByNeed[c.PtscNeed - 1] : 0;

    public override string ReadingFor(Centre c, Policy p, in Facts f, int result) =>
        f.Priority
            ? "Assumption, not in the text: the text says \"de uno a tres días semanales, en función de las necesidades "
                + "de intervención socioeducativa\"; the need is an input (ptsc_need, 1 when missing) and its days a "
                + $"parameter (ptsc_days_by_need: {string.Join(", ", p.PtscDaysByNeed)})"
            : "None: the text gives the days to preferred-action centres only (P-PRIORITY)";

    public override string Because(Centre c, Policy p, in Facts f, int result) =>
        f.Priority
            ? $"a preferred-action centre with socio-educational need {N(c.PtscNeed)}: {Plural(result, "day", "days")} "
                + "a week of a PTSC"
                + OutsideTheText(result)
            : "not a preferred-action centre (P-PRIORITY)";
}
