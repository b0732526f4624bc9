using System.Globalization;
using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>The G-* indicators of one centre and stage, from the support it is given.</summary>
public sealed record StageIndicators(
    string Code, Stage Stage, int Compensatory, int GroupsNeeded, decimal SupportHoursPerPupil, bool LowSupport,
    int SpecificGroups, bool SpecificNotViable, int AceGroups, bool SaiReferral)
{
    public string Flag => string.Join(";", new[] { LowSupport ? "low_support_hours" : null, SpecificNotViable ? "specific_group_not_viable" : null }.OfType<string>());

    public static string Hours(decimal h) => h.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>G-PRIMARY-GROUP / G-ESO-GROUP / G-ESO-SPECIFIC / G-ACE for a stage with the given posts and itinerant days.</summary>
    public static StageIndicators For(Centre c, Stage stage, Policy.Policy p, int posts, int itinerantDays)
    {
        var comp = c.Comp(stage);
        var teaching = stage == Stage.Primary ? p.TeachingHoursPrimary : p.TeachingHoursSecondary;
        var hours = comp == 0 ? 0m
            : Math.Min(p.SupportHoursMax, Math.Round((decimal)(posts * teaching + itinerantDays * p.HoursPerDay) * p.SupportGroupMax / comp, 2, MidpointRounding.AwayFromZero));
        var eso = stage == Stage.Secondary;
        var specificGroups = eso ? Ceil(c.SpecificGroupPupils, p.SpecificGroupMax) : 0;
        return new StageIndicators(c.Code, stage, comp, Ceil(comp, p.SupportGroupMax), hours,
            comp > 0 && hours < p.MinSupportHours,
            specificGroups, eso && c.SpecificGroupPupils > 0 && c.SpecificGroupPupils < p.SpecificGroupMin * specificGroups,
            eso ? Ceil(c.AcePupils, p.AceGroupMax - p.AceReserved) : 0, c.NoSpanish > 0);
    }

    private static int Ceil(int n, int d) => (n + d - 1) / d;
}

public abstract class GroupRule(Stage stage) : Rule
{
    internal Stage Stage { get; } = stage;

    internal int Posts(in Facts f) => Stage == Stage.Primary ? f.PrimaryPosts + f.CraPosts : f.SecondaryPosts;

    protected bool Applies(Centre c, Policy.Policy p) =>
        c.Comp(Stage) > 0 && (Stage == Stage.Primary ? PrimaryStage(c) : SecondaryStage(c, p));
}

public sealed class GPrimaryGroup() : GroupRule(Stage.Primary)
{
    public override string Id => "G-PRIMARY-GROUP";
    public override string Instruction => "Decimocuarta B";

    public override int Evaluate(Centre c, Policy.Policy p, in Facts f) => Applies(c, p) ? StageIndicators.For(c, Stage, p, Posts(f), 0).GroupsNeeded : 0;

    public override string Because(Centre c, Policy.Policy p, in Facts f, int result) => GroupText(c, p, f, this, result);

    internal static string GroupText(Centre c, Policy.Policy p, in Facts f, GroupRule rule, int result)
    {
        if (result == 0) return "no compensatory pupils in the stage with a programme";
        var stage = rule.Stage;
        var ind = StageIndicators.For(c, stage, p, rule.Posts(f), 0);
        var text = $"{N(ind.Compensatory)} compensatory pupils need {Plural(result, "support group", "support groups")} of at most {N(p.SupportGroupMax)}; "
            + $"{Plural(rule.Posts(f), "support post gives", "support posts give")} {StageIndicators.Hours(ind.SupportHoursPerPupil)} hours a week per pupil (at most {N(p.SupportHoursMax)})";
        return ind.LowSupport ? text + $", below {StageIndicators.Hours(p.MinSupportHours)}: flagged (an itinerant share adds its days once paired)" : text;
    }
}

public sealed class GEsoGroup() : GroupRule(Stage.Secondary)
{
    public override string Id => "G-ESO-GROUP";
    public override string Instruction => "Decimoséptima B";

    public override int Evaluate(Centre c, Policy.Policy p, in Facts f) => Applies(c, p) ? StageIndicators.For(c, Stage, p, Posts(f), 0).GroupsNeeded : 0;

    public override string Because(Centre c, Policy.Policy p, in Facts f, int result) => GPrimaryGroup.GroupText(c, p, f, this, result);
}

public sealed class GEsoSpecific() : GroupRule(Stage.Secondary)
{
    public override string Id => "G-ESO-SPECIFIC";
    public override string Instruction => "Decimoséptima C";

    public override int Evaluate(Centre c, Policy.Policy p, in Facts f) =>
        c.Kind.TeachesEso() ? StageIndicators.For(c, Stage, p, 0, 0).SpecificGroups : 0;

    public override string Because(Centre c, Policy.Policy p, in Facts f, int result)
    {
        if (!c.Kind.TeachesEso()) return "teaches no ESO stage";
        if (c.SpecificGroupPupils == 0) return "no pupils proposed for specific compensatory groups";
        var ind = StageIndicators.For(c, Stage, p, 0, 0);
        var text = $"{N(c.SpecificGroupPupils)} pupils proposed: {Plural(result, "specific group", "specific groups")} of {N(p.SpecificGroupMin)} to {N(p.SpecificGroupMax)}, 2 tutoring hours a week each";
        return ind.SpecificNotViable ? text + $"; not viable: the groups could not each hold {N(p.SpecificGroupMin)}" : text;
    }
}

public sealed class GAce() : GroupRule(Stage.Secondary)
{
    public override string Id => "G-ACE";
    public override string Instruction => "Decimoséptima E";

    public override int Evaluate(Centre c, Policy.Policy p, in Facts f) =>
        c.Kind.TeachesEso() ? StageIndicators.For(c, Stage, p, 0, 0).AceGroups : 0;

    public override string Because(Centre c, Policy.Policy p, in Facts f, int result)
    {
        if (!c.Kind.TeachesEso()) return "teaches no ESO stage";
        if (c.AcePupils == 0) return "no pupils proposed for a compensatory classroom (ACE)";
        return $"{N(c.AcePupils)} pupils proposed: {Plural(result, "ACE group", "ACE groups")} of at most {N(p.AceGroupMax)}, {N(p.AceReserved)} places each kept for admissions during the year";
    }
}
