using Staffing.Solver;
using Staffing.Domain;
using Staffing.Rules;

namespace Staffing.Allocation;

/// <summary>One centre and resource: what it holds (null when current.csv does not say), against its entitlement.</summary>
public sealed record AuditLine(string Code, Resource Resource, int? Held, int Entitled, Explanation Finding, string Rules)
{
    public int? Difference => Held - Entitled;
}

/// <summary>An area's totals over the centres whose holdings are given; the lines not given counted apart.</summary>
public sealed record AuditArea(
    string Area,
    Resource Resource,
    int Held,
    int Entitled,
    int Over,
    int Under,
    int NotGiven,
    int NotGivenEntitled
)
{
    public int Difference => Held - Entitled;
}

/// <summary>This year's staffing (current.csv) against the rules: per centre and resource, and per area.</summary>
public static class Audit
{
    /// <summary>The finding's template of an itinerant pair this year's staffing breaks.</summary>
    public const string PairBreaks = nameof(Texts.ReasonPairBreaks);

    public static IReadOnlyList<AuditLine> Lines(Scenario s)
    {
        var p = s.Policy;
        var result = new List<AuditLine>();
        var held = (s.Current ?? []).ToDictionary(h => (h.Code, h.Resource));
        // A centre with no row in current.csv, or a resource no row records, is not given (unknown), not a holding of 0.
        var listed = (s.Current ?? []).Select(h => h.Code).ToHashSet(StringComparer.Ordinal);
        var recorded = (s.Current ?? []).Select(h => h.Resource).ToHashSet();
        foreach (var c in s.Centres.OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            var e = RuleBook.Entitle(c, p);
            var trace = RuleBook.Trace(c, p);
            foreach (var r in Vocabulary.Resources)
            {
                var line = e.Line(r);
                var h = held.GetValueOrDefault((c.Code, r));
                var entitled = line?.Entitled ?? 0;
                if (entitled == 0 && h is null)
                    continue;
                if (h is null && line is { Funding: Funding.Agreement })
                {
                    result.Add(
                        new AuditLine(
                            c.Code,
                            r,
                            entitled,
                            entitled,
                            Explanation.Of(nameof(Texts.ReasonHeldByAgreement), entitled, line.Rules),
                            line.Rules
                        )
                    );
                    continue;
                }
                if (h is null && (!listed.Contains(c.Code) || !recorded.Contains(r)))
                {
                    var unknown = listed.Contains(c.Code)
                        ? Explanation.Of(nameof(Texts.ReasonNotRecorded), r)
                        : Explanation.Of(nameof(Texts.ReasonNoCurrentRow));
                    result.Add(
                        new AuditLine(
                            c.Code,
                            r,
                            null,
                            entitled,
                            Explanation.Of(nameof(Texts.ReasonNotGiven), unknown, entitled),
                            line!.Rules
                        )
                    );
                    continue;
                }
                var amount = h?.Amount ?? 0;
                var rules = line?.Rules ?? RuleFor(r);
                var why = Explanation.Clauses(
                    [
                        .. rules
                        .Split(';')
                        .Select(id => trace.First(t => t.Rule == id))
                        .Select(t => Explanation.Of(nameof(Texts.ReasonRuleBecause), t.Rule, t.Instruction, t.Because)),
                    ]
                );
                var finding =
                    amount == entitled ? Explanation.Of(nameof(Texts.ReasonAsEntitled))
                    : amount > entitled ? Explanation.Of(nameof(Texts.ReasonOverStaffed), amount - entitled, entitled, why)
                    : Explanation.Of(nameof(Texts.ReasonUnderStaffed), entitled - amount, entitled, why);
                if (r.IsItinerant() && h is not null)
                    finding = Partner(s, c, h, finding);
                result.Add(new AuditLine(c.Code, r, amount, entitled, finding, rules));
            }
        }
        return result;
    }

    /// <summary>The rule that would give the resource, for a holding the rules give nothing.</summary>
    private static string RuleFor(Resource r) => RuleBook.Giver(r).Chain;

    private static Explanation Partner(Scenario s, Centre c, Holding h, Explanation finding)
    {
        if (h.Partner is not { } code || s.Find(code) is not { } partner)
            return h.Amount > 0 && h.Partner is null
                ? Explanation.Clauses(finding, Explanation.Of(nameof(Texts.ReasonNoPartnerNamed)))
                : finding;
        var problems = new List<Explanation>();
        if (partner.Area != c.Area)
            problems.Add(Explanation.Of(nameof(Texts.ReasonPartnerOtherArea), code, partner.Area));
        var stage = h.Resource.StageOf();
        if (!partner.Teaches(stage))
            problems.Add(
                Explanation.Of(
                    stage == Stage.Primary ? nameof(Texts.ReasonPartnerNoPrimary) : nameof(Texts.ReasonPartnerNoSecondary),
                    code
                )
            );
        else if (RuleBook.Entitle(partner, s.Policy).Amount(h.Resource) == 0)
            problems.Add(Explanation.Of(nameof(Texts.ReasonPartnerNotEligible), code, h.Resource));
        if (
            s.Current!.FirstOrDefault(o => o.Code == code && o.Resource == h.Resource) is not { } back
            || back.Partner != c.Code
        )
            problems.Add(Explanation.Of(nameof(Texts.ReasonPartnerNotBack), code));
        return problems.Count == 0
            ? finding
            : Explanation.Clauses(finding, Explanation.Of(nameof(Texts.ReasonPairBreaks), Explanation.Clauses([.. problems])));
    }

    public static IReadOnlyList<AuditArea> Areas(Scenario s, IReadOnlyList<AuditLine> lines)
    {
        var area = s.Centres.ToDictionary(c => c.Code, c => c.Area, StringComparer.Ordinal);
        return
        [
            .. lines
                .GroupBy(l => (area[l.Code], l.Resource))
                .OrderBy(g => g.Key.Item1, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Resource)
                .Select(g => new AuditArea(
                    g.Key.Item1,
                    g.Key.Resource,
                    g.Sum(l => l.Held ?? 0),
                    g.Where(l => l.Held is not null).Sum(l => l.Entitled),
                    g.Count(l => l.Difference > 0),
                    g.Count(l => l.Difference < 0),
                    g.Count(l => l.Held is null),
                    g.Where(l => l.Held is null).Sum(l => l.Entitled)
                )),
        ];
    }
}
