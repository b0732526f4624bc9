using System.Globalization;
using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>What earlier rules decided for a centre, handed to the rules that depend on them.</summary>
public readonly record struct Facts(bool Priority, int PrimaryPosts, int CraPosts, int SecondaryPosts);

/// <summary>
/// One rule id of RULES.md: a pure function of the centre, the policy and the earlier facts, returning a number
/// (posts, days, or 1/0 for yes/no) and, separately, the reason in words, so the fast path formats nothing.
/// Each rule carries the regulation's own words (Spanish) apart from the reading the project adds to them.
/// </summary>
public abstract class Rule(string id, string instruction)
{
    public string Id { get; } = id;

    /// <summary>The instruction of the regulation of 21 July 2006 the rule comes from.</summary>
    public string Instruction { get; } = instruction;

    /// <summary>The instruction as a reader reads it ("Octava b), párrafo segundo"); in English as <see cref="Instruction"/>.</summary>
    public virtual Explanation InstructionLabel => Explanation.Of(nameof(Texts.InstructionAsCited), Instruction);

    /// <summary>The regulation's own words, in Spanish, as published.</summary>
    public abstract string Text { get; }

    /// <summary>What the project reads into the text or assumes beside it (English); never the text itself.</summary>
    public abstract Explanation Reading { get; }

    /// <summary>The policy parameters the rule reads, by their names in policy.json.</summary>
    public abstract IReadOnlyList<string> Parameters { get; }

    /// <summary>The resource the rule gives a centre; null for conditions, referrals and indicators.</summary>
    public virtual Resource? Gives => null;

    /// <summary>The rules this one builds on, in RULES.md order (they appear before it in the rules column).</summary>
    public virtual IReadOnlyList<string> DependsOn => [];

    public abstract int Evaluate(Centre c, Policy p, in Facts f);

    /// <summary>The figures and the outcome for one centre: what was counted and compared, never a reading.</summary>
    public abstract Explanation Because(Centre c, Policy p, in Facts f, int result);

    /// <summary>
    /// The project's reading or assumption behind this centre's outcome, said as such ("reading chosen",
    /// "assumption"): the rule's whole reading unless the rule names the part that decided.
    /// </summary>
    public virtual Explanation ReadingFor(Centre c, Policy p, in Facts f, int result) => Reading;

    /// <summary>A concertado centre left out by a reading the text does not state (P-PRIORITY, P-/S-ITINERANT, ...).</summary>
    internal static Explanation PublicServiceReading(Explanation what) =>
        Explanation.Of(nameof(Texts.ReadingPublicService), what);

    /// <summary>Whether a rule that did not apply was left out by a reading the text does not state (a concertado exclusion).</summary>
    public static bool DecidedByReading(bool applied, Explanation reading) =>
        !applied && reading.Key == nameof(Texts.ReadingPublicService);

    /// <summary>The rules it depends on, then its own id: "P-PRIORITY;P-PSYCHO".</summary>
    public string Chain => DependsOn.Count == 0 ? Id : string.Join(";", DependsOn) + ";" + Id;

    /// <summary>The plan's rules column for what this rule gives a centre (a concertado centre adds its rule).</summary>
    public virtual string RulesColumn(Centre c, Policy p) => Chain;

    /// <summary>Who pays for what the rule gives: the public pool unless a rule says otherwise.</summary>
    public virtual Funding Funding(Centre c, Policy p) => Domain.Funding.Pool;


    internal static bool PrimaryStage(Centre c) => c.Kind.TeachesPrimary() && c.Programme;

    internal static bool SecondaryStage(Centre c, Policy p) =>
        c.Kind.TeachesEso() && (c.Kind != CentreKind.CEIPSO || p.CeipsoSecondaryRules) && c.Programme;

    /// <summary>EOEP days are "de uno a tres días semanales" (Octava c.a, c.b): a what-if may set others, flagged.</summary>
    internal static Explanation OutsideTheText(int days) =>
        days is 0 or (>= 1 and <= 3) ? Explanation.None : Explanation.Of(nameof(Texts.BecauseOutsideTheText), days);

    internal static Explanation NoProgramme => Explanation.Of(nameof(Texts.BecauseNoProgramme));

    /// <summary>"Por cada 25": one unit per full ratio under the policy's rounding (P-SUPPORT, S-SUPPORT, P-CRA).</summary>
    internal static int PerRatio(Policy p, int count, int ratio) =>
        p.Rounding switch
        {
            Rounding.Floor => count / ratio,
            Rounding.Ceil => (count + ratio - 1) / ratio,
            _ => (2 * count + ratio) / (2 * ratio),
        };

    internal static Explanation RoundingText(Policy p, int comp, int ratio) =>
        Explanation.Of(nameof(Texts.BecauseRounding), comp, ratio, p.Rounding, PerRatio(p, comp, ratio));
}
