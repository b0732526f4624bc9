using System.Globalization;
using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>The G-* indicators of one centre and stage, from the support it is given.</summary>
public sealed record StageIndicators(
    string Code,
    Stage Stage,
    int Compensatory,
    int GroupsNeeded,
    decimal SupportHoursPerPupil,
    bool LowSupport,
    int SpecificGroups,
    bool SpecificNotViable,
    int AceGroups,
    bool SaiReferral
)
{
    public string Flag =>
        string.Join(
            ";",
            new[]
            {
                LowSupport ? "low_support_hours" : null,
                SpecificNotViable ? "specific_group_not_viable" : null,
            }.OfType<string>()
        );

    /// <summary>The stage's teaching hours a week per post: primary's or secondary's.</summary>
    public static int TeachingHours(Stage stage, Policy p) =>
        stage == Stage.Primary ? p.TeachingHoursPrimary : p.TeachingHoursSecondary;

    /// <summary>
    /// Support hours a week per compensatory pupil before the cap: (posts × teaching hours + itinerant days × hours a
    /// day) × pupils a group / compensatory pupils, to two decimals.
    /// </summary>
    public static decimal Uncapped(Stage stage, Policy p, int posts, int itinerantDays, int comp) =>
        Math.Round(
            (decimal)(posts * TeachingHours(stage, p) + itinerantDays * p.HoursPerDay) * p.SupportGroupMax / comp,
            2,
            MidpointRounding.AwayFromZero
        );

    /// <summary>G-PRIMARY-GROUP, G-ESO-GROUP, G-ESO-SPECIFIC, G-ACE for a stage with its posts and itinerant days.</summary>
    public static StageIndicators For(Centre c, Stage stage, Policy p, int posts, int itinerantDays)
    {
        var comp = c.Comp(stage);
        var hours = comp == 0 ? 0m : Math.Min(p.SupportHoursMax, Uncapped(stage, p, posts, itinerantDays, comp));
        var eso = stage == Stage.Secondary;
        // "Con un mínimo de diez y un máximo de quince": as many groups as can each hold the minimum, no more than
        // the maximum size needs; pupils beyond them are left out.
        var n = eso ? c.SpecificGroupPupils : 0;
        var specificGroups = Math.Min(n / p.SpecificGroupMin, Ceil(n, p.SpecificGroupMax));
        return new StageIndicators(
            c.Code,
            stage,
            comp,
            Ceil(comp, p.SupportGroupMax),
            hours,
            comp > 0 && hours < p.MinSupportHours,
            specificGroups,
            n > 0 && specificGroups == 0,
            eso ? Ceil(c.AcePupils, p.AceGroupMax - p.AceReserved) : 0,
            c.NoSpanish > 0
        );
    }

    /// <summary>G-ESO-SPECIFIC: proposed pupils the groups of at most the maximum size cannot take.</summary>
    public static int SpecificLeftOut(Centre c, Policy p, int groups) =>
        Math.Max(0, c.SpecificGroupPupils - p.SpecificGroupMax * groups);

    private static int Ceil(int n, int d) => (n + d - 1) / d;
}

/// <summary>A G-* rule: indicators of one stage, computed from the posts the stage is given.</summary>
public abstract class GroupRule(string id, string instruction, Stage stage) : Rule(id, instruction)
{
    internal Stage Stage { get; } = stage;

    internal int Posts(in Facts f) => Stage == Stage.Primary ? f.PrimaryPosts + f.CraPosts : f.SecondaryPosts;

    protected bool Applies(Centre c, Policy p) =>
        c.Comp(Stage) > 0 && (Stage == Stage.Primary ? PrimaryStage(c) : SecondaryStage(c, p));

    public override int Evaluate(Centre c, Policy p, in Facts f) =>
        Applies(c, p) ? StageIndicators.For(c, Stage, p, Posts(f), 0).GroupsNeeded : 0;

    public override Explanation Because(Centre c, Policy p, in Facts f, int result)
    {
        if (result == 0)
            return Explanation.Of(nameof(Texts.BecauseNoCompStage));
        var ind = StageIndicators.For(c, Stage, p, Posts(f), 0);
        return Explanation.Of(
            ind.LowSupport ? nameof(Texts.BecauseGroupsLow) : nameof(Texts.BecauseGroups),
            ind.Compensatory,
            Explanation.Count(result, nameof(Texts.BecauseSupportGroupOne), nameof(Texts.BecauseSupportGroupMany)),
            p.SupportGroupMax,
            Explanation.Count(Posts(f), nameof(Texts.BecausePostsGiveOne), nameof(Texts.BecausePostsGiveMany)),
            (ind.SupportHoursPerPupil),
            p.SupportHoursMax,
            (p.MinSupportHours),
            // The whole formula with its figures, so an inspector can redo it by hand.
            Explanation.Of(nameof(Texts.BecauseHoursFormula),
                Explanation.Count(Posts(f), nameof(Texts.BecauseSupportPostOne), nameof(Texts.BecauseSupportPostMany)),
                StageIndicators.TeachingHours(Stage, p),
                p.SupportGroupMax,
                ind.Compensatory,
                (StageIndicators.Uncapped(Stage, p, Posts(f), 0, ind.Compensatory))
            )
        );
    }
}
