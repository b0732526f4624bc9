using System.Globalization;
using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>What earlier rules decided for a centre, handed to the rules that depend on them.</summary>
public readonly record struct Facts(bool Priority, int PrimaryPosts, int CraPosts, int SecondaryPosts);

/// <summary>
/// One rule id of RULES.md: a pure function of the centre, the policy and the earlier facts, returning a number
/// (posts, days, or 1/0 for yes/no) and, separately, the reason in words, so the fast path formats nothing.
/// </summary>
public abstract class Rule
{
    public abstract string Id { get; }

    /// <summary>The instruction of the regulation of 21 July 2006 the rule comes from.</summary>
    public abstract string Instruction { get; }

    public abstract int Evaluate(Centre c, Policy.Policy p, in Facts f);

    public abstract string Because(Centre c, Policy.Policy p, in Facts f, int result);

    protected static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    protected static string Plural(int n, string one, string many) => N(n) + " " + (n == 1 ? one : many);

    internal static bool PrimaryStage(Centre c) => c.Kind.TeachesPrimary() && c.Programme;

    internal static bool SecondaryStage(Centre c, Policy.Policy p) =>
        c.Kind.TeachesEso() && (c.Kind != CentreKind.CEIPSO || p.CeipsoSecondaryRules) && c.Programme;

    internal static string NoProgramme => "runs no compensatory programme (Quinta, Sexta): no compensatory staffing";

    internal static string RoundingText(Policy.Policy p, int comp, int ratio) =>
        $"{N(comp)} / {N(ratio)} rounded {p.RoundingName} = {N(p.Round(comp, ratio))}";
}
