using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>P-PSYCHO: a preferred-action centre gets a psychopedagogue 1 to 3 days a week by its pupils.</summary>
public sealed class PPsycho() : Rule(Id, "Octava c.a")
{
    public new const string Id = "P-PSYCHO";

    public override string Text =>
        "Intervención directa de un psicopedagogo de uno a tres días semanales, en función del número de alumnos con "
        + "necesidades de compensación educativa escolarizados en el centro.";

    public override Explanation Reading => Explanation.Of(nameof(Texts.ReadingPPsycho));

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

    public override Explanation Because(Centre c, Policy p, in Facts f, int result)
    {
        if (!f.Priority)
            return Explanation.Of(nameof(Texts.BecauseNotPriority));
        return Explanation.Clauses(Explanation.Of(nameof(Texts.BecausePsycho), Count(c, p), Explanation.Count(result, nameof(Texts.BecauseDayOne), nameof(Texts.BecauseDayMany))),
            OutsideTheText(result));
    }

    public override Explanation ReadingFor(Centre c, Policy p, in Facts f, int result)
    {
        if (!f.Priority)
            return Explanation.Of(nameof(Texts.ReadingNoneNotPriority));
        var tiers = Explanation.List(p.PsychoDayTiers.Select(t => Explanation.Of(nameof(Texts.ReadingTier), t.Days, t.From)));
        var counted =
            p.PsychoCountStages == CountStages.Both && c.Kind == CentreKind.CEIPSO
                ? Explanation.Of(nameof(Texts.ReadingCountedBoth))
                : Explanation.Of(nameof(Texts.ReadingCountedPrimary));
        return Explanation.Of(nameof(Texts.ReadingPsychoAssumption), tiers, counted);
    }
}
