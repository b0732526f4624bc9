using static Staffing.Tests.Support;

namespace Staffing.Tests.Cli;

/// <summary>A number as a person types it: the decimal comma read, a value with two readings refused, never a different number in silence.</summary>
public class TypedNumberTests
{
    [Theory]
    [InlineData("0,9", "0.9")]
    [InlineData("0.9", "0.9")]
    [InlineData("2,5", "2.5")]
    [InlineData("0,02", "0.02")]
    [InlineData(",5", "0.5")]
    [InlineData("-1,25", "-1.25")]
    [InlineData("1.234,5", "1234.5")]
    [InlineData("1,234.5", "1234.5")]
    [InlineData("1.000.000", "1000000")]
    [InlineData("0,900", "0.9")]
    [InlineData("20", "20")]
    public void TheDecimalCommaAndPointAreRead(string typed, string value) =>
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), TypedNumber.Read(typed, out _));

    [Theory]
    [InlineData("1,000", "1", "1000")]
    [InlineData("25.000", "25", "25000")]
    [InlineData("2,500", "2.5", "2500")]
    public void AValueWithTwoReadingsIsRefusedNamingBoth(string typed, string one, string other)
    {
        Assert.Null(TypedNumber.Read(typed, out var problem));
        Assert.Contains(one, problem);
        Assert.Contains(other, problem);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1,2,3")]
    [InlineData("1.2,3.4")]
    [InlineData("")]
    [InlineData("1..2")]
    public void WhatIsNotANumberIsRefused(string typed) => Assert.Null(TypedNumber.Read(typed, out _));

    [Fact]
    public void SweepReadsDecimalCommas()
    {
        var output = Path.Combine(TempDir(), "sweep");
        Assert.Equal(0, Run("sweep", Sample, "--param", "priority_threshold=0,2:0,3:0,05", "--out", output).Exit);
        var values = File.ReadAllLines(Path.Combine(output, "sweep.csv")).Skip(1).Select(l => l.Split(',')[0]).Distinct();
        Assert.Equal(["0.2", "0.25", "0.3"], values);
    }

    [Fact]
    public void SweepRefusesAValueWithTwoReadings()
    {
        var (exit, _, err) = Run("sweep", Sample, "--param", "primary_ratio=1,000:2:1", "--out", Path.Combine(TempDir(), "s"));
        Assert.Equal(2, exit);
        Assert.Contains("1 or 1000", err);
    }
}
