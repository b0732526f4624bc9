using Staffing.Solver;
using Staffing.Domain;
using Staffing.Rules;

namespace Staffing.Allocation;

/// <summary>Locks that cannot all hold: each conflict names the locks, the pool or rule against them, and by how much.</summary>
public sealed class LockConflictException(IReadOnlyList<Explanation> conflicts)
    : Exception(string.Join(Environment.NewLine, conflicts.Select(Reasons.Wording.Contract)))
{
    public IReadOnlyList<Explanation> Conflicts { get; } = conflicts;
}

public static class LockCheck
{
    public static IReadOnlyList<Explanation> Conflicts(AllocationProblem problem)
    {
        var p = problem.Policy;
        var result = new List<Explanation>();
        // A lock as locks.csv writes it (the resource's code), so the planner finds the row.
        static Explanation L(Holding h) =>
            h.Partner is null
                ? Explanation.Of(nameof(Texts.LockShown), h.Code, h.Resource.Name(), h.Amount)
                : Explanation.Of(nameof(Texts.LockShownWithPartner), h.Code, h.Resource.Name(), h.Amount, h.Partner);
        var usage = new Dictionary<Capacity, (int Amount, List<Holding> Locks)>();
        foreach (var h in problem.Locks.OrderBy(h => h.Code, StringComparer.Ordinal).ThenBy(h => h.Resource))
        {
            var d = problem.Find(h.Code, h.Resource);
            var entitled = d?.Entitled ?? 0;
            if (h.Resource.IsItinerant())
            {
                if (h.Amount == 1 && d is null)
                    result.Add(
                        Explanation.Of(
                            nameof(Texts.LockNotEligible),
                            L(h),
                            h.Resource,
                            h.Resource == Resource.PrimaryItinerant ? PItinerant.Id : SItinerant.Id
                        )
                    );
                if (h.Amount == 1 && h.Partner is { } partner)
                {
                    var other = problem.Find(partner, h.Resource);
                    var pc = problem.Scenario.Find(partner)!;
                    if (other is null)
                        result.Add(Explanation.Of(nameof(Texts.LockPartnerNotEligible), L(h), partner, h.Resource));
                    else if (pc.Area != problem.Scenario.Find(h.Code)!.Area)
                        result.Add(
                            Explanation.Of(nameof(Texts.LockPartnerOtherArea), L(h), partner, pc.Area)
                        );
                    else if (problem.Lock(partner, h.Resource) is { Amount: 0, Partner: null } no)
                        result.Add(Explanation.Of(nameof(Texts.LockPairedAndNot), L(h), L(no)));
                    else if (
                        p.ItinerantShare == 2
                        && problem.Lock(partner, h.Resource) is { Amount: 1, Partner: { } third } back
                        && third != h.Code
                    )
                        result.Add(
                            Explanation.Of(nameof(Texts.LockPartnerTwice), L(h), L(back), partner, p.ItinerantShare)
                        );
                }
                continue;
            }
            if (h.Amount > entitled)
                result.Add(
                    d is null
                        ? Explanation.Of(nameof(Texts.LockAboveEntitlement), L(h), entitled, h.Amount - entitled)
                        : Explanation.Of(nameof(Texts.LockAboveEntitlementRules), L(h), entitled, d.Rules, h.Amount - entitled)
                );
            else if (d is { Funding: Funding.Agreement } && h.Amount < entitled)
                result.Add(
                    Explanation.Of(nameof(Texts.LockConcertadoUnder), L(h), entitled, entitled - h.Amount)
                );
            if (
                h.Resource == Resource.SecondaryPtsc
                && h.Amount > 0
                && problem.Lock(h.Code, Resource.SecondarySupport) is { } s
                && s.Amount < p.SecondaryPtscMinSupport
            )
                result.Add(
                    Explanation.Of(
                        nameof(Texts.LockSecondaryPtsc),
                        L(h),
                        L(s),
                        SPtsc.Id,
                        p.SecondaryPtscMinSupport,
                        p.SecondaryPtscMinSupport - s.Amount
                    )
                );
            if (d is null)
                continue;
            foreach (var cap in problem.CapacitiesOf(d))
            {
                var u = usage.GetValueOrDefault(cap, (0, []));
                u.Locks.Add(h);
                usage[cap] = (u.Amount + h.Amount, u.Locks);
            }
        }
        foreach (var (cap, (amount, locks)) in usage.OrderBy(kv => kv.Key.Key, StringComparer.Ordinal))
            if (amount > cap.Amount)
                result.Add(
                    Explanation.Of(
                        nameof(Texts.LockOverCapacity),
                        Explanation.List(locks.Select(L)),
                        amount,
                        cap.Label,
                        cap.Amount,
                        amount - cap.Amount
                    )
                );
        // Centres that must be paired need teachers.
        foreach (var res in new[] { Resource.PrimaryItinerant, Resource.SecondaryItinerant })
        {
            var must = problem
                .Locks.Where(h => h.Resource == res && h.Amount == 1 && problem.Find(h.Code, res) is not null)
                .ToList();
            foreach (var cap in problem.Capacities.Where(c => c.Resource == res && c.Pool is not null))
            {
                var inCap = must.Where(h => problem.CapacitiesOf(problem.Find(h.Code, res)!).Contains(cap)).ToList();
                var teachers = inCap
                    .GroupBy(h => problem.Scenario.Find(h.Code)!.Area)
                    .Sum(g => Itinerants.TeachersFor(g.Count(), p));
                if (teachers > cap.Amount)
                    result.Add(
                        Explanation.Of(
                            nameof(Texts.LockOverTeachers),
                            Explanation.List(inCap.Select(L)),
                            teachers,
                            cap.Label,
                            cap.Amount,
                            teachers - cap.Amount
                        )
                    );
            }
        }
        return result;
    }
}
