using Staffing.Allocation;
using Staffing.Domain;
using Staffing.Rules;

namespace Staffing.WhatIf;

public sealed record AreaOutlook(
    string Area,
    Resource Resource,
    double NeedP10,
    double NeedP50,
    double NeedP90,
    double ShortfallP10,
    double ShortfallP50,
    double ShortfallP90
);

public sealed record CentreOutlook(string Code, double GainPost, double LosePost, double CrossPriority);

/// <summary>
/// Next school year by Monte Carlo: each centre's compensatory counts in each stage become
/// round(comp × (1 + growth + spread × z)), z standard normal, clamped to 0…pupils, with growth and spread from
/// trends.csv (the centre's row, else its area's, else 0 growth and `DefaultSpread`); each run takes the
/// entitlement and a plan under the same pools. Runs are seeded one by one (seed + run), so any order of
/// parallel runs gives the same numbers.
/// </summary>
public static class Simulation
{
    public const double DefaultSpread = 0.10;

    public static (
        IReadOnlyList<AreaOutlook> Areas,
        IReadOnlyList<CentreOutlook> Centres,
        IReadOnlyList<(string Area, Resource Resource, double[] Need)> Samples
    ) Run(
        Scenario s,
        IReadOnlyList<Trend> trends,
        int runs,
        int seed,
        Func<Scenario, (IReadOnlyList<Total> Totals, IReadOnlyList<Entitlement> Entitlements)> totalsOf,
        int workers,
        IProgress<int>? progress = null
    )
    {
        var byCode = trends.Where(t => t.Code is not null).ToDictionary(t => t.Code!, StringComparer.Ordinal);
        var byArea = trends.Where(t => t.Area is not null).ToDictionary(t => t.Area!, StringComparer.Ordinal);
        var basis = s.Centres.ToDictionary(c => c.Code, c => RuleBook.Entitle(c, s.Policy), StringComparer.Ordinal);
        var keys = s
            .Centres.Select(c => c.Area)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .SelectMany(a => Vocabulary.Resources.Select(r => (a, r)))
            .ToList();
        // A run's entitlements come in code order; where each centre of the scenario sits in it is the same every run.
        var rank = new int[s.Centres.Count];
        foreach (
            var (position, index) in s
                .Centres.Select((c, i) => (c.Code, i))
                .OrderBy(x => x.Code, StringComparer.Ordinal)
                .Select((x, position) => (position, x.i))
        )
            rank[index] = position;
        var need = new double[runs][];
        var shortfall = new double[runs][];
        var gain = new int[runs][];
        var lose = new int[runs][];
        var cross = new int[runs][];
        var done = 0;
        // One run, optimized from its first call: a thousand of them leave the tiered JIT no time to catch up.
        [System.Runtime.CompilerServices.MethodImpl(
            System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization
        )]
        void One(int run)
        {
            var rng = new Random(unchecked(seed * 1_000_003 + run));
            var moved = s
                .Centres.Select(c =>
                {
                    var t = byCode.GetValueOrDefault(c.Code) ?? byArea.GetValueOrDefault(c.Area);
                    var (g, sd) = (t?.Growth ?? 0, t?.Spread ?? DefaultSpread);
                    int Move(int comp, int pupils) =>
                        comp == 0 && g == 0
                            ? 0
                            : Math.Clamp(
                                (int)Math.Round(comp * (1 + g + sd * rng.NextNormal()), MidpointRounding.AwayFromZero),
                                0,
                                pupils
                            );
                    return c with
                    {
                        PrimaryComp = Move(c.PrimaryComp, c.PrimaryPupils),
                        EsoComp = Move(c.EsoComp, c.EsoPupils),
                    };
                })
                .ToList();
            var next = s with { Centres = moved };
            var (areaTotals, entitlements) = totalsOf(next);
            var totals = areaTotals.ToDictionary(t => (t.Area, t.Resource));
            need[run] = [.. keys.Select(k => (double)(totals.GetValueOrDefault(k)?.Entitled ?? 0))];
            shortfall[run] = [.. keys.Select(k => (double)(totals.GetValueOrDefault(k)?.Shortfall ?? 0))];
            var e = moved.Select((c, i) => (c, entitlements[rank[i]])).ToList();
            gain[run] = [.. e.Select(x => Posts(x.Item2) > Posts(basis[x.c.Code]) ? 1 : 0)];
            lose[run] = [.. e.Select(x => Posts(x.Item2) < Posts(basis[x.c.Code]) ? 1 : 0)];
            cross[run] = [.. e.Select(x => x.Item2.Facts.Priority != basis[x.c.Code].Facts.Priority ? 1 : 0)];
            progress?.Report(Interlocked.Increment(ref done));
        }
        Parallel.For(0, runs, new ParallelOptions { MaxDegreeOfParallelism = workers }, One);
        var areas = keys.Select(
                (k, i) =>
                {
                    var n = need.Select(r => r[i]).Order().ToArray();
                    var sh = shortfall.Select(r => r[i]).Order().ToArray();
                    return new AreaOutlook(
                        k.a,
                        k.r,
                        Q(n, 0.1),
                        Q(n, 0.5),
                        Q(n, 0.9),
                        Q(sh, 0.1),
                        Q(sh, 0.5),
                        Q(sh, 0.9)
                    );
                }
            )
            .Where(a => a.NeedP90 > 0 || a.ShortfallP90 > 0)
            .ToList();
        var centres = s
            .Centres.Select(
                (c, i) =>
                    new CentreOutlook(
                        c.Code,
                        gain.Average(r => r[i]),
                        lose.Average(r => r[i]),
                        cross.Average(r => r[i])
                    )
            )
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        var samples = keys.Select((k, i) => (k.a, k.r, need.Select(r => r[i]).ToArray())).ToList();
        return (areas, centres, samples);
    }

    private static int Posts(Entitlement e) =>
        e.Amount(Resource.PrimarySupport) + e.Amount(Resource.CraItinerant) + e.Amount(Resource.SecondarySupport);

    /// <summary>Percentile by linear interpolation between order statistics.</summary>
    public static double Q(double[] sorted, double q)
    {
        if (sorted.Length == 0)
            return 0;
        var pos = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
