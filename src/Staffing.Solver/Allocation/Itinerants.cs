using System.Collections.Immutable;
using Staffing.Domain;

namespace Staffing.Allocation;

/// <summary>Pairing preferences, the week split and the distances of shared itinerant teachers (contract conventions).</summary>
public static class Itinerants
{
    public const double EarthRadiusKm = 6371;

    public static double? Km(Centre a, Centre b)
    {
        if (a.Lat is not { } lat1 || a.Lon is not { } lon1 || b.Lat is not { } lat2 || b.Lon is not { } lon2)
            return null;
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var h =
            Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return Math.Round(2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h))), 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The cost of putting two centres under one teacher, lexicographic in one integer: another locality, then
    /// another kind, then tenths of km (unknown distance counts as 1,000 km), then the difference in compensatory pupils.
    /// </summary>
    public static long PairCost(Centre a, Centre b, Stage stage)
    {
        var km = Km(a, b) ?? 1000;
        var tenths = (long)Math.Min(99_999, Math.Round(km * 10));
        var diff = Math.Min(999, Math.Abs(a.Comp(stage) - b.Comp(stage)));
        return (a.Locality == b.Locality ? 0 : 1L) * 10_000_000_000
            + (a.Kind == b.Kind ? 0 : 1L) * 100_000_000
            + tenths * 1_000
            + diff;
    }

    /// <summary>
    /// Centres that <paramref name="teachers"/> teachers of one area and stage can serve: itinerant_share each, and
    /// the remainder (fewer than a share) joining groups up to itinerant_group_max.
    /// </summary>
    public static int MaxServed(long teachers, Policy p) =>
        teachers <= 0
            ? 0
            : (int)
                Math.Min(
                    int.MaxValue,
                    p.ItinerantShare * teachers
                        + Math.Min(p.ItinerantShare - 1, (p.ItinerantGroupMax - p.ItinerantShare) * teachers)
                );

    /// <summary>The teachers <paramref name="served"/> centres of one area and stage take: the inverse of <see cref="MaxServed"/>.</summary>
    public static int TeachersFor(int served, Policy p)
    {
        if (served <= 0)
            return 0;
        var t = Math.Max(1, served / p.ItinerantShare);
        return MaxServed(t, p) >= served ? t : t + 1;
    }

    /// <summary>
    /// A teacher's week: 5 days split in proportion to compensatory pupils by largest remainder (ties to the lower
    /// code), each centre at least 1; a group smaller than a share gets its shares' days and the rest of the week is free.
    /// </summary>
    public static (ImmutableArray<int> Days, int Free) Week(IReadOnlyList<Centre> centres, Stage stage, Policy p)
    {
        var week =
            centres.Count < p.ItinerantShare
                ? Math.Min(Policy.WeekDays, centres.Count * p.ItinerantShareDays)
                : Policy.WeekDays;
        return (SplitDays(centres, stage, week), Policy.WeekDays - week);
    }

    private static ImmutableArray<int> SplitDays(IReadOnlyList<Centre> centres, Stage stage, int week)
    {
        var n = centres.Count;
        var total = centres.Sum(c => (long)c.Comp(stage));
        var days = new int[n];
        var order = Enumerable.Range(0, n).ToArray();
        if (total == 0)
        {
            for (var i = 0; i < week; i++)
                days[i % n]++;
            return [.. days];
        }
        var rem = new long[n];
        var given = 0;
        for (var i = 0; i < n; i++)
        {
            var q = week * (long)centres[i].Comp(stage);
            days[i] = (int)(q / total);
            rem[i] = q % total;
            given += days[i];
        }
        Array.Sort(
            order,
            (x, y) =>
                rem[y] != rem[x] ? rem[y].CompareTo(rem[x]) : string.CompareOrdinal(centres[x].Code, centres[y].Code)
        );
        for (var k = 0; given < week; k++, given++)
            days[order[k % n]]++;
        // Each centre at least one day: taken from the centre with most days (ties: the higher code gives).
        for (var i = 0; i < n; i++)
        {
            if (days[i] > 0)
                continue;
            var donor = Enumerable
                .Range(0, n)
                .Where(j => days[j] > 1)
                .OrderByDescending(j => days[j])
                .ThenByDescending(j => centres[j].Code, StringComparer.Ordinal)
                .First();
            days[donor]--;
            days[i] = 1;
        }
        return [.. days];
    }

    /// <summary>
    /// The served centres no group of a share took (an odd centre, one alone in its area and stage): each joins the
    /// group with room (up to itinerant_group_max) it costs least to join by the pairing preferences, ties to the
    /// group with the lower first code; those no group can take share a teacher of their own, up to a share each.
    /// </summary>
    public static List<ItinerantGroup> Attach(
        AllocationProblem problem,
        Resource r,
        string area,
        List<ItinerantGroup> groups,
        IEnumerable<Demand> leftovers
    )
    {
        var p = problem.Policy;
        var stage = r.StageOf();
        var result = new List<ItinerantGroup>(groups);
        var rest = new List<Demand>();
        foreach (var d in leftovers.Order(Comparer<Demand>.Create(AllocationProblem.TieOrder)))
        {
            var best = -1;
            long bestCost = 0;
            for (var i = 0; i < result.Count; i++)
            {
                var g = result[i];
                if (g.Codes.Length >= p.ItinerantGroupMax || g.Codes.Length < p.ItinerantShare)
                    continue;
                if (g.Codes.Any(c => Forbidden(problem, r, c, d.Code)))
                    continue;
                var cost = g.Codes.Sum(c => PairCost(d.Centre, problem.Scenario.Find(c)!, stage));
                if (
                    best < 0
                    || cost < bestCost
                    || cost == bestCost && string.CompareOrdinal(g.Codes[0], result[best].Codes[0]) < 0
                )
                    (best, bestCost) = (i, cost);
            }
            if (best < 0)
            {
                rest.Add(d);
                continue;
            }
            result[best] = result[best] with
            {
                Codes = [.. result[best].Codes.Append(d.Code).Order(StringComparer.Ordinal)],
            };
        }
        foreach (var chunk in rest.Chunk(p.ItinerantShare))
            result.Add(new ItinerantGroup(area, stage, [.. chunk.Select(d => d.Code).Order(StringComparer.Ordinal)]));
        return result;
    }

    /// <summary>A lock of 0 naming the other centre: these two never share a teacher.</summary>
    public static bool Forbidden(AllocationProblem problem, Resource r, string a, string b) =>
        problem.Lock(a, r) is { Amount: 0, Partner: { } pa } && pa == b
        || problem.Lock(b, r) is { Amount: 0, Partner: { } pb } && pb == a;
}
