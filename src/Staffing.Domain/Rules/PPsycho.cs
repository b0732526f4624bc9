using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>P-PSYCHO: a preferred-action centre gets a psychopedagogue 1 to 3 days a week by its pupils.</summary>
public sealed class PPsycho() : Rule(Id, "Octava c.a")
{
    public new const string Id = "P-PSYCHO";

    public override string Text =>
        "Intervención directa de un psicopedagogo de uno a tres días semanales, en función del número de alumnos con "
        + "necesidades de compensación educativa escolarizados en el centro.";

    public override string Reading =>
        "The text gives no tiers: the project assumes 1 day below 50 compensatory pupils, 2 from 50, 3 from 100 "
        + "(psycho_day_tiers). The count is the primary stage's, as the EOEP serves primary; psycho_count_stages both "
        + "adds a CEIPSO's ESO pupils.";

    public override IReadOnlyList<string> Parameters => ["psycho_day_tiers", "psycho_count_stages"];

    public override Resource? Gives => Resource.PsychopedagogueDays;

    public override IReadOnlyList<string> DependsOn => [PPriority.Id];

    public static int Count(Centre c, Policy p) =>
        c.PrimaryComp + (p.PsychoCountStages == CountStages.Both && c.Kind == CentreKind.CEIPSO ? c.EsoComp : 0);

    /// <summary>The days of the highest tier the count reaches.</summary>
    public static int Days(Policy p, int count)
    {
        var days = 0;
        foreach (var tier in p.PsychoDayTiers)
            if (count >= tier.From)
                days = tier.Days;
        return days;
    }

    public override int Evaluate(Centre c, Policy p, in Facts f) => f.Priority ? Days(p, Count(c, p)) : 0;

    public override string Because(Centre c, Policy p, in Facts f, int result)
    {
        if (!f.Priority)
            return "not a preferred-action centre (P-PRIORITY)";
        return $"a preferred-action centre with {N(Count(c, p))} compensatory pupils: {Plural(result, "day", "days")} "
            + "a week of a psychopedagogue"
            + OutsideTheText(result);
    }

    public override string ReadingFor(Centre c, Policy p, in Facts f, int result)
    {
        if (!f.Priority)
            return "None: the text gives the days to preferred-action centres only (P-PRIORITY)";
        var tiers = string.Join(", ", p.PsychoDayTiers.Select(t => $"{t.Days} from {t.From}"));
        var counted =
            p.PsychoCountStages == CountStages.Both && c.Kind == CentreKind.CEIPSO
                ? "primary and ESO compensatory pupils (psycho_count_stages both)"
                : "primary compensatory pupils";
        return "Assumption, not in the text: the text says only \"de uno a tres días semanales, en función del número "
            + $"de alumnos\"; the days by tier are the project's (psycho_day_tiers: {tiers}), over the {counted}";
    }
}
