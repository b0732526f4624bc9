using System.Collections.Immutable;
using Staffing.Domain;

namespace Staffing.Rules;

public sealed record EntitlementLine(Resource Resource, int Entitled, string Rules, Funding Funding);

/// <summary>What the rules give one centre: the non-zero resources, each with the rule ids behind it.</summary>
public sealed record Entitlement(Centre Centre, Facts Facts, ImmutableArray<EntitlementLine> Lines)
{
    public int Amount(Resource r)
    {
        foreach (var l in Lines)
            if (l.Resource == r) return l.Entitled;
        return 0;
    }

    public EntitlementLine? Line(Resource r)
    {
        foreach (var l in Lines)
            if (l.Resource == r) return l;
        return null;
    }
}

public sealed record TraceLine(string Rule, string Instruction, bool Applied, string Because);

/// <summary>The rules of RULES.md, in its order, and the one place that chains them for a centre.</summary>
public static class RuleBook
{
    public static readonly PSupport PSupport = new();
    public static readonly PItinerant PItinerant = new();
    public static readonly PSai PSai = new();
    public static readonly PPriority PPriority = new();
    public static readonly PPsycho PPsycho = new();
    public static readonly PPtsc PPtsc = new();
    public static readonly PCra PCra = new();
    public static readonly PConcertado PConcertado = new();
    public static readonly SSupport SSupport = new();
    public static readonly SPtsc SPtsc = new();
    public static readonly SItinerant SItinerant = new();
    public static readonly SSai SSai = new();
    public static readonly SConcertado SConcertado = new();
    public static readonly GPrimaryGroup GPrimaryGroup = new();
    public static readonly GEsoGroup GEsoGroup = new();
    public static readonly GEsoSpecific GEsoSpecific = new();
    public static readonly GAce GAce = new();

    public static readonly ImmutableArray<Rule> All =
    [
        PSupport, PItinerant, PSai, PPriority, PPsycho, PPtsc, PCra, PConcertado,
        SSupport, SPtsc, SItinerant, SSai, SConcertado,
        GPrimaryGroup, GEsoGroup, GEsoSpecific, GAce,
    ];

    public static Rule? Find(string id) => All.FirstOrDefault(r => r.Id == id);

    /// <summary>Chains the rules that others depend on: P-PRIORITY, then the post rules.</summary>
    public static Facts Facts(Centre c, Policy.Policy p)
    {
        var f = new Facts(PPriority.Evaluate(c, p, default) == 1, 0, 0, 0);
        f = f with { PrimaryPosts = PSupport.Evaluate(c, p, f), CraPosts = PCra.Evaluate(c, p, f) };
        return f with { SecondaryPosts = SSupport.Evaluate(c, p, f) };
    }

    public static Entitlement Entitle(Centre c, Policy.Policy p)
    {
        var f = Facts(c, p);
        var lines = ImmutableArray.CreateBuilder<EntitlementLine>(4);
        var support = c.IsPublic || p.ConcertadoInPool ? Funding.Pool : Funding.Agreement;
        if (f.PrimaryPosts > 0)
            lines.Add(new(Resource.PrimarySupport, f.PrimaryPosts, c.IsPublic ? "P-SUPPORT" : "P-SUPPORT;P-CONCERTADO", support));
        if (f.SecondaryPosts > 0)
            lines.Add(new(Resource.SecondarySupport, f.SecondaryPosts, c.IsPublic ? "S-SUPPORT" : "S-SUPPORT;S-CONCERTADO", support));
        if (f.CraPosts > 0)
            lines.Add(new(Resource.CraItinerant, f.CraPosts, p.CraRequiresPriority ? "P-PRIORITY;P-CRA" : "P-CRA", Funding.Pool));
        if (PItinerant.Evaluate(c, p, f) == 1)
            lines.Add(new(Resource.PrimaryItinerant, 1, "P-ITINERANT", Funding.Pool));
        if (SItinerant.Evaluate(c, p, f) == 1)
            lines.Add(new(Resource.SecondaryItinerant, 1, "S-ITINERANT", Funding.Pool));
        var psycho = PPsycho.Evaluate(c, p, f);
        if (psycho > 0) lines.Add(new(Resource.PsychopedagogueDays, psycho, "P-PRIORITY;P-PSYCHO", Funding.Pool));
        var ptsc = PPtsc.Evaluate(c, p, f);
        if (ptsc > 0) lines.Add(new(Resource.PtscDays, ptsc, "P-PRIORITY;P-PTSC", Funding.Pool));
        if (SPtsc.Evaluate(c, p, f) == 1)
            lines.Add(new(Resource.SecondaryPtsc, 1, "S-SUPPORT;S-PTSC", Funding.Pool));
        return new Entitlement(c, f, lines.DrainToImmutable());
    }

    /// <summary>Every rule of RULES.md for the centre: whether it applied, and why, with the figures.</summary>
    public static ImmutableArray<TraceLine> Trace(Centre c, Policy.Policy p)
    {
        var f = Facts(c, p);
        var trace = ImmutableArray.CreateBuilder<TraceLine>(All.Length);
        foreach (var rule in All)
        {
            var result = rule.Evaluate(c, p, f);
            trace.Add(new TraceLine(rule.Id, rule.Instruction, result > 0, rule.Because(c, p, f, result)));
        }
        return trace.MoveToImmutable();
    }
}
