using Staffing.Equity;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Equity;

/// <summary>The indices against cases computed by hand from the formulas of Massey and Denton (1988).</summary>
public class SegregationTests
{
    private static readonly Unit[] TwoSchools = [new(100, 50), new(100, 0)];
    private static readonly Unit[] Three = [new(100, 40), new(200, 20), new(100, 0)];

    [Fact]
    public void TwoSchoolsOneHoldingEveryCompensatoryPupil()
    {
        // D = ½(|50/50 − 50/150| + |0 − 100/150|) = 2/3; xPx = 1 × 50/100; G = 2·100·100·½ / (2·200²·¼·¾) = 2/3.
        Assert.Equal(2.0 / 3, Segregation.Dissimilarity(TwoSchools)!.Value, 12);
        Assert.Equal(0.5, Segregation.Isolation(TwoSchools)!.Value, 12);
        Assert.Equal(0.5, Segregation.Exposure(TwoSchools)!.Value, 12);
        Assert.Equal(2.0 / 3, Segregation.Gini(TwoSchools)!.Value, 12);
    }

    [Fact]
    public void ThreeSchools()
    {
        // D = ½(|40/60 − 60/340| + |20/60 − 180/340| + |0 − 100/340|) = 0.4901961
        Assert.Equal(0.4901961, Segregation.Dissimilarity(Three)!.Value, 6);
        // xPx = (40/60)(40/100) + (20/60)(20/200) = 0.3
        Assert.Equal(0.3, Segregation.Isolation(Three)!.Value, 12);
        Assert.Equal(0.7, Segregation.Exposure(Three)!.Value, 12);
        // G = 2(100·200·0.3 + 100·100·0.4 + 200·100·0.1) / (2·400²·0.15·0.85) = 24000 / 40800
        Assert.Equal(24000.0 / 40800, Segregation.Gini(Three)!.Value, 12);
    }

    [Fact]
    public void EvenSpreadIsZero()
    {
        Unit[] even = [new(100, 20), new(200, 40), new(50, 10)];
        Assert.Equal(0, Segregation.Dissimilarity(even)!.Value, 12);
        Assert.Equal(0, Segregation.Gini(even)!.Value, 12);
        Assert.Equal(0.2, Segregation.Isolation(even)!.Value, 12);
    }

    [Fact]
    public void UndefinedWithoutMinorityOrMajority()
    {
        Assert.Null(Segregation.Dissimilarity([new(100, 0), new(50, 0)]));
        Assert.Null(Segregation.Gini([new(100, 100)]));
    }

    [Fact]
    public void BootstrapIsSeededAndHoldsTheEstimateLoosely()
    {
        Unit[] many = [.. Enumerable.Range(0, 30).Select(i => new Unit(100 + i, i * 2))];
        var a = Segregation.DissimilarityInterval(many, 200, 1);
        Assert.Equal(a, Segregation.DissimilarityInterval(many, 200, 1));
        Assert.True(a.Low <= a.High);
    }

    [Fact]
    public void CoverageGiniOfEqualRatiosIsZero() => Assert.Equal(0, Segregation.GiniOf([0.5, 0.5, 0.5])!.Value, 12);

    [Fact]
    public void CommandPrintsAreasAndLocalitiesWithWarnings()
    {
        var (exit, output, _) = Run("equity", Sample);
        Assert.Equal(0, exit);
        Assert.Contains("Madrid-Sur", output);
        Assert.Contains("  Getafe", output);
        Assert.Contains("small unit", output);
        var dir = System.IO.Path.Combine(TempDir(), "eq");
        Assert.Equal(0, Run("equity", Sample, "--out", dir).Exit);
        Assert.StartsWith(
            "level,area,locality,stage,centres,pupils,compensatory,dissimilarity,dissimilarity_low,dissimilarity_high,isolation,exposure,gini,warning",
            File.ReadAllText(System.IO.Path.Combine(dir, "equity.csv"))
        );
    }

    /// <summary>The one-pass sums (sorted, n log n) against the definitions' double sums, on random schools.</summary>
    [Fact]
    public void GiniInOnePassEqualsTheDoubleSumOfItsDefinition()
    {
        var rng = new Random(7);
        for (var trial = 0; trial < 50; trial++)
        {
            var units = Enumerable
                .Range(0, rng.Next(2, 60))
                .Select(_ =>
                {
                    var pupils = rng.Next(0, 400);
                    return new Unit(pupils, rng.Next(0, pupils + 1));
                })
                .ToList();
            var t = units.Sum(u => (double)u.Pupils);
            var m = units.Sum(u => (double)u.Minority);
            if (m == 0 || m == t)
                continue;
            var p = m / t;
            var schools = units.Where(u => u.Pupils > 0).ToList();
            var pairs = schools.Sum(a =>
                schools.Sum(b =>
                    (double)a.Pupils * b.Pupils * Math.Abs((double)a.Minority / a.Pupils - (double)b.Minority / b.Pupils)
                )
            );
            Assert.Equal(pairs / (2 * t * t * p * (1 - p)), Segregation.Gini(units)!.Value, 9);
            var values = units.Select(u => rng.NextDouble()).ToList();
            var differences = values.Sum(a => values.Sum(b => Math.Abs(a - b)));
            Assert.Equal(differences / (2.0 * values.Count * values.Count * values.Average()), Segregation.GiniOf(values)!.Value, 9);
        }
    }
}
