namespace Staffing.Equity;

/// <summary>One school's pupils and compensatory (minority) pupils in a stage.</summary>
public readonly record struct Unit(int Pupils, int Minority);

/// <summary>
/// Evenness and exposure indices of the minority (compensatory pupils) over a set of schools, as in
/// Massey and Denton (1988), "The dimensions of residential segregation", Social Forces 67(2).
/// </summary>
public static class Segregation
{
    /// <summary>Dissimilarity D = ½ Σ |mᵢ/M − (tᵢ−mᵢ)/(T−M)| (Duncan and Duncan 1955): the share of either group that would have to move for an even spread.</summary>
    public static double? Dissimilarity(IReadOnlyList<Unit> units)
    {
        var (t, m) = Totals(units);
        if (m == 0 || m == t)
            return null;
        var sum = 0.0;
        foreach (var u in units)
            sum += Math.Abs((double)u.Minority / m - (double)(u.Pupils - u.Minority) / (t - m));
        return sum / 2;
    }

    /// <summary>Isolation xPx* = Σ (mᵢ/M)(mᵢ/tᵢ) (Bell 1954): the compensatory share of the school of the average compensatory pupil.</summary>
    public static double? Isolation(IReadOnlyList<Unit> units)
    {
        var (_, m) = Totals(units);
        if (m == 0)
            return null;
        return units.Where(u => u.Pupils > 0).Sum(u => (double)u.Minority / m * u.Minority / u.Pupils);
    }

    /// <summary>Exposure xPy* = Σ (mᵢ/M)((tᵢ−mᵢ)/tᵢ): the other pupils' share in the school of the average compensatory pupil (1 − isolation).</summary>
    public static double? Exposure(IReadOnlyList<Unit> units)
    {
        var (_, m) = Totals(units);
        if (m == 0)
            return null;
        return units.Where(u => u.Pupils > 0).Sum(u => (double)u.Minority / m * (u.Pupils - u.Minority) / u.Pupils);
    }

    /// <summary>Gini G = Σᵢ Σⱼ tᵢ tⱼ |pᵢ − pⱼ| / (2 T² P (1 − P)), pᵢ the school's compensatory share, P the whole's.</summary>
    public static double? Gini(IReadOnlyList<Unit> units)
    {
        var (t, m) = Totals(units);
        if (m == 0 || m == t)
            return null;
        var p = (double)m / t;
        // The double sum in one pass over the schools by share (n log n, not n²: a country has 28,000 schools): a
        // school j adds tⱼ Σᵢ tᵢ (pⱼ − pᵢ) over those before it, each pair once, so the double sum is twice that.
        double weight = 0,
            weighted = 0,
            sum = 0;
        foreach (
            var (tj, pj) in units
                .Where(u => u.Pupils > 0)
                .Select(u => (T: (double)u.Pupils, P: (double)u.Minority / u.Pupils))
                .OrderBy(x => x.P)
        )
        {
            sum += tj * (pj * weight - weighted);
            weight += tj;
            weighted += tj * pj;
        }
        return 2 * sum / (2.0 * t * t * p * (1 - p));
    }

    /// <summary>The plain Gini coefficient of values (mean absolute difference over twice the mean), e.g. coverage ratios.</summary>
    public static double? GiniOf(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            return null;
        var mean = values.Average();
        if (mean == 0)
            return 0;
        // Σᵢ Σⱼ |xᵢ − xⱼ| over the sorted values: each xⱼ exceeds the j before it, each pair counted twice.
        double before = 0,
            sum = 0;
        var j = 0;
        foreach (var x in values.Order())
        {
            sum += x * j++ - before;
            before += x;
        }
        return 2 * sum / (2.0 * values.Count * values.Count * mean);
    }

    /// <summary>A percentile bootstrap interval of D, resampling schools with replacement (seeded, so reproducible).</summary>
    public static (double? Low, double? High) DissimilarityInterval(IReadOnlyList<Unit> units, int samples, int seed)
    {
        if (units.Count < 2 || Dissimilarity(units) is null)
            return (null, null);
        var rng = new Random(seed);
        var values = new List<double>(samples);
        var draw = new Unit[units.Count];
        for (var s = 0; s < samples; s++)
        {
            for (var i = 0; i < draw.Length; i++)
                draw[i] = units[rng.Next(units.Count)];
            if (Dissimilarity(draw) is { } d)
                values.Add(d);
        }
        if (values.Count == 0)
            return (null, null);
        values.Sort();
        return (
            values[(int)Math.Floor(0.025 * (values.Count - 1))],
            values[(int)Math.Ceiling(0.975 * (values.Count - 1))]
        );
    }

    private static (long T, long M) Totals(IReadOnlyList<Unit> units) =>
        (units.Sum(u => (long)u.Pupils), units.Sum(u => (long)u.Minority));
}
