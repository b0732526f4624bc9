using Staffing.Solver;
using System.Globalization;
using Staffing.Domain;
using Staffing.Rules;

namespace Staffing.Allocation;

public sealed record Violation(string Code, string Resource, string Rule, Explanation Message)
{
    /// <summary>"CODE RESOURCE RULE: message", the message as <paramref name="wording"/> writes it.</summary>
    public string Line(Func<Explanation, string> wording) => $"{Code} {Resource} {Rule}: {wording(Message)}";
}

/// <summary>
/// Checks any plan against its scenario without the optimizer's code: entitlements, pools, S-PTSC, itinerant
/// teachers, the EOEP week, locks and the fairness property. Only the rule book is shared.
/// </summary>
public static partial class PlanVerifier
{
    public static IReadOnlyList<Violation> Verify(Scenario s, PlanFiles plan)
    {
        var v = new List<Violation>();
        var p = s.Policy;
        var centres = s.Centres.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var entitled = new Dictionary<(string, Resource), EntitlementLine>();
        foreach (var c in s.Centres)
        foreach (var l in RuleBook.Entitle(c, p).Lines)
            entitled[(c.Code, l.Resource)] = l;
        var rows = new Dictionary<(string, Resource), PlanRow>();
        foreach (var r in plan.Lines)
        {
            if (!centres.ContainsKey(r.Code))
            {
                v.Add(
                    new(r.Code, r.Resource.Name(), "plan", Explanation.Of(nameof(Texts.VerifyNoCentre), r.Line))
                );
                continue;
            }
            if (!rows.TryAdd((r.Code, r.Resource), r))
                v.Add(
                    new(
                        r.Code,
                        r.Resource.Name(),
                        "plan",
                        Explanation.Of(nameof(Texts.VerifySecondRow), r.Line)
                    )
                );
        }
        int Alloc(string code, Resource r) => rows.TryGetValue((code, r), out var row) ? row.Allocated : 0;

        foreach (
            var ((code, res), line) in entitled
                .OrderBy(kv => kv.Key.Item1, StringComparer.Ordinal)
                .ThenBy(kv => kv.Key.Item2)
        )
        {
            var rule = line.Rules.Split(';')[^1];
            if (!rows.TryGetValue((code, res), out var row))
            {
                v.Add(new(code, res.Name(), rule, Explanation.Of(nameof(Texts.VerifyMissing), line.Entitled)));
                continue;
            }
            if (row.Entitled != line.Entitled)
                v.Add(
                    new(
                        code,
                        res.Name(),
                        rule,
                        Explanation.Of(nameof(Texts.VerifyEntitled), row.Entitled, line.Entitled, line.Rules)
                    )
                );
            if (row.Rules != line.Rules)
                v.Add(new(code, res.Name(), rule, Explanation.Of(nameof(Texts.VerifyRules), row.Rules, line.Rules)));
            if (row.Funding != line.Funding)
                v.Add(
                    new(
                        code,
                        res.Name(),
                        rule,
                        Explanation.Of(nameof(Texts.VerifyFunding), row.Funding.Name(), line.Funding.Name())
                    )
                );
            if (line.Funding == Funding.Agreement && row.Allocated != line.Entitled)
                v.Add(
                    new(
                        code,
                        res.Name(),
                        rule,
                        Explanation.Of(nameof(Texts.VerifyConcertado), row.Allocated, line.Entitled)
                    )
                );
        }
        foreach (var row in rows.Values.OrderBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Resource))
        {
            if (!entitled.ContainsKey((row.Code, row.Resource)) && (row.Entitled != 0 || row.Allocated != 0))
                v.Add(
                    new(
                        row.Code,
                        row.Resource.Name(),
                        "entitlement",
                        Explanation.Of(nameof(Texts.VerifyNothing), row.Allocated, row.Entitled)
                    )
                );
            if (row.Allocated < 0 || row.Allocated > row.Entitled)
                v.Add(
                    new(
                        row.Code,
                        row.Resource.Name(),
                        "entitlement",
                        Explanation.Of(nameof(Texts.VerifyOutside), row.Allocated, row.Entitled)
                    )
                );
        }

        Pools(s, rows, plan, v);
        var min = p.SecondaryPtscMinSupport;
        foreach (var row in rows.Values.Where(r => r.Resource == Resource.SecondaryPtsc && r.Allocated > 0))
            if (Alloc(row.Code, Resource.SecondarySupport) < min)
                v.Add(
                    new(
                        row.Code,
                        "secondary_ptsc",
                        SPtsc.Id,
                        Explanation.Of(nameof(Texts.VerifyPtsc), Alloc(row.Code, Resource.SecondarySupport), min)
                    )
                );
        Teachers(s, entitled, rows, plan, v);
        Week(s, rows, plan, v);
        Locks(s, rows, plan, v);
        Fairness(s, rows, v);
        return v;
    }

    private static void Pools(
        Scenario s,
        Dictionary<(string, Resource), PlanRow> rows,
        PlanFiles plan,
        List<Violation> v
    )
    {
        var area = s.Centres.ToDictionary(c => c.Code, c => c.Area, StringComparer.Ordinal);
        foreach (var pool in s.Pool ?? [])
        {
            object who = pool.Area == PoolRow.AllAreas ? Explanation.Of(nameof(Texts.VerifyAllAreas)) : pool.Area;
            long used = pool.Resource.IsItinerant()
                ? plan.Itinerants.Count(t =>
                    t.Stage == pool.Resource.StageOf()
                    && t.Centres.Count > 0
                    && area.TryGetValue(t.Centres[0], out var a)
                    && (pool.Area == PoolRow.AllAreas || a == pool.Area)
                )
                : rows
                    .Values.Where(r =>
                        r.Resource == pool.Resource
                        && r.Funding == Funding.Pool
                        && area.TryGetValue(r.Code, out var a)
                        && (pool.Area == PoolRow.AllAreas || a == pool.Area)
                    )
                    .Sum(r => r.Allocated);
            if (used > pool.Amount)
                v.Add(
                    new(
                        pool.Area,
                        pool.Resource.Name(),
                        "pool",
                        Explanation.Of(
                            pool.Resource.IsItinerant() ? nameof(Texts.VerifyPoolTeachers)
                                : pool.Resource.IsEoepDays() ? nameof(Texts.VerifyPoolDays)
                                : nameof(Texts.VerifyPoolPosts),
                            who,
                            used,
                            pool.Amount
                        )
                    )
                );
        }
    }

    private static void Locks(
        Scenario s,
        Dictionary<(string, Resource), PlanRow> rows,
        PlanFiles plan,
        List<Violation> v
    )
    {
        foreach (var h in s.Locks ?? [])
        {
            var held = rows.TryGetValue((h.Code, h.Resource), out var row) ? row.Allocated : 0;
            if (held != h.Amount)
                v.Add(new(h.Code, h.Resource.Name(), "lock", Explanation.Of(nameof(Texts.VerifyLocked), h.Amount, held)));
            if (h.Resource.IsItinerant() && h.Partner is { } partner)
            {
                var together = plan.Itinerants.Any(t =>
                    t.Stage == h.Resource.StageOf() && t.Centres.Contains(h.Code) && t.Centres.Contains(partner)
                );
                if (h.Amount == 1 && !together)
                    v.Add(
                        new(
                            h.Code,
                            h.Resource.Name(),
                            "lock",
                            Explanation.Of(nameof(Texts.VerifyLockedPaired), partner)
                        )
                    );
                if (h.Amount == 0 && together)
                    v.Add(
                        new(
                            h.Code,
                            h.Resource.Name(),
                            "lock",
                            Explanation.Of(nameof(Texts.VerifyLockedApart), partner)
                        )
                    );
            }
        }
    }

    /// <summary>No single unit moved between two demands of a shared pool would raise the smaller of their coverage ratios.</summary>
    private static void Fairness(Scenario s, Dictionary<(string, Resource), PlanRow> rows, List<Violation> v)
    {
        var problem = new AllocationProblem(s);
        var alloc = problem.Demands.ToDictionary(
            d => d,
            d => rows.TryGetValue((d.Code, d.Resource), out var r) ? r.Allocated : 0
        );
        var used = new Dictionary<Capacity, long>();
        foreach (var d in problem.Demands)
        foreach (var c in problem.CapacitiesOf(d))
            used[c] = used.GetValueOrDefault(c) + alloc[d];
        var n = s.Policy.MaxLossPerCentre;
        bool Movable(Demand d) =>
            problem.Lock(d.Code, d.Resource) is null
            && (n is null || alloc[d] > (problem.Current(d.Code, d.Resource)?.Amount ?? 0) - n);
        foreach (
            var cap in problem.Capacities.Where(c => !c.Resource.IsItinerant() && c.Resource != Resource.SecondaryPtsc)
        )
        {
            var members = problem
                .Demands.Where(d => d.Funding == Funding.Pool && problem.CapacitiesOf(d).Contains(cap) && Movable(d))
                .ToList();
            var givers = members
                .Where(d => alloc[d] > 0)
                .OrderByDescending(d => (double)(alloc[d] - 1) / d.Entitled)
                .ToList();
            foreach (var b in members.Where(d => alloc[d] < d.Entitled).OrderBy(d => (double)alloc[d] / d.Entitled))
            {
                // The receiver's other capacities must have room for the unit.
                foreach (var a in givers)
                {
                    if ((long)alloc[b] * a.Entitled >= (long)(alloc[a] - 1) * b.Entitled)
                        break;
                    if (a == b)
                        continue;
                    var extra = problem.CapacitiesOf(b).Except(problem.CapacitiesOf(a));
                    if (extra.Any(c => used[c] >= c.Amount))
                        continue;
                    v.Add(
                        new(
                            b.Code,
                            b.Resource.Name(),
                            "fairness",
                            Explanation.Of(nameof(Texts.VerifyFairness), a.Code, alloc[a], a.Entitled, alloc[b], b.Entitled, cap.Label)
                        )
                    );
                    goto nextReceiver;
                }
                nextReceiver:
                ;
            }
        }
    }
}
