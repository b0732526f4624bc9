using System.Collections.Immutable;
using Staffing.Domain;

namespace Staffing.Rules;

public sealed record EntitlementLine(Resource Resource, int Entitled, string Rules, Funding Funding);

/// <summary>What the rules give one centre: the non-zero resources, each with the rule ids behind it.</summary>
public sealed record Entitlement(Centre Centre, Facts Facts, ImmutableArray<EntitlementLine> Lines)
{
    public int Amount(Resource r) => Line(r)?.Entitled ?? 0;

    public EntitlementLine? Line(Resource r)
    {
        foreach (var l in Lines)
            if (l.Resource == r)
                return l;
        return null;
    }
}

/// <summary>
/// One rule's line for a centre: the figures (because), the regulation's own words (text, Spanish) and the
/// project's reading behind the outcome (reading), kept apart so no assumption passes for the text.
/// </summary>
public sealed record TraceLine(
    string Rule,
    Explanation Instruction,
    bool Applied,
    Explanation Because,
    string Text,
    Explanation Reading
);

/// <summary>The rules of RULES.md, in its order, and the one place that chains them for a centre.</summary>
public static class RuleBook
{
    public static readonly PSupport PSupport = new();
    public static readonly PCra PCra = new();
    public static readonly PPriority PPriority = new();
    public static readonly SSupport SSupport = new();

    public static readonly ImmutableArray<Rule> All =
    [
        PSupport,
        new PItinerant(),
        new PSai(),
        PPriority,
        new PPsycho(),
        new PPtsc(),
        PCra,
        new PConcertado(),
        SSupport,
        new SPtsc(),
        new SItinerant(),
        new SSai(),
        new SConcertado(),
        new GPrimaryGroup(),
        new GEsoGroup(),
        new GEsoSpecific(),
        new GAce(),
    ];

    /// <summary>The rules that give a resource, in the order of the resources (the plan's row order).</summary>
    private static readonly ImmutableArray<Rule> Giving =
    [
        .. All.Where(r => r.Gives is not null).OrderBy(r => r.Gives),
    ];

    public static Rule? Find(string id) => All.FirstOrDefault(r => r.Id == id);

    /// <summary>The rule that gives a resource.</summary>
    public static Rule Giver(Resource r) => Giving.First(g => g.Gives == r);

    /// <summary>Chains the rules that others depend on: P-PRIORITY, then the post rules.</summary>
    public static Facts Facts(Centre c, Policy p)
    {
        var f = new Facts(PPriority.Evaluate(c, p, default) == 1, 0, 0, 0);
        f = f with { PrimaryPosts = PSupport.Evaluate(c, p, f), CraPosts = PCra.Evaluate(c, p, f) };
        return f with { SecondaryPosts = SSupport.Evaluate(c, p, f) };
    }

    [System.Runtime.CompilerServices.MethodImpl(
        System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization
    )]
    public static Entitlement Entitle(Centre c, Policy p)
    {
        var f = Facts(c, p);
        var lines = ImmutableArray.CreateBuilder<EntitlementLine>(4);
        foreach (var rule in Giving)
        {
            var amount = rule.Evaluate(c, p, f);
            if (amount > 0)
                lines.Add(new(rule.Gives!.Value, amount, rule.RulesColumn(c, p), rule.Funding(c, p)));
        }
        return new Entitlement(c, f, lines.DrainToImmutable());
    }

    /// <summary>Every rule of RULES.md for the centre: whether it applied, and why, with the figures.</summary>
    public static ImmutableArray<TraceLine> Trace(Centre c, Policy p)
    {
        var f = Facts(c, p);
        var trace = ImmutableArray.CreateBuilder<TraceLine>(All.Length);
        foreach (var rule in All)
        {
            var result = rule.Evaluate(c, p, f);
            trace.Add(
                new TraceLine(
                    rule.Id,
                    rule.InstructionLabel,
                    result > 0,
                    rule.Because(c, p, f, result),
                    rule.Text,
                    rule.ReadingFor(c, p, f, result)
                )
            );
        }
        return trace.MoveToImmutable();
    }
}
