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

    /// <summary>5 days split in proportion to compensatory pupils by largest remainder (ties to the lower code), each at least 1.</summary>
    public static ImmutableArray<int> SplitDays(IReadOnlyList<Centre> centres, Stage stage)
    {
        var n = centres.Count;
        var total = centres.Sum(c => (long)c.Comp(stage));
        var days = new int[n];
        var order = Enumerable.Range(0, n).ToArray();
        if (total == 0)
        {
            for (var i = 0; i < Policy.WeekDays; i++)
                days[i % n]++;
            return [.. days];
        }
        var rem = new long[n];
        var given = 0;
        for (var i = 0; i < n; i++)
        {
            var q = Policy.WeekDays * (long)centres[i].Comp(stage);
            days[i] = (int)(q / total);
            rem[i] = q % total;
            given += days[i];
        }
        Array.Sort(
            order,
            (x, y) =>
                rem[y] != rem[x] ? rem[y].CompareTo(rem[x]) : string.CompareOrdinal(centres[x].Code, centres[y].Code)
        );
        for (var k = 0; given < Policy.WeekDays; k++, given++)
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
}
