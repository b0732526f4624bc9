using static Staffing.Tests.Support;

namespace Staffing.Tests.Cli;

/// <summary>Messages a person reads when something is off: the nearest command, the missing policy file, the assumption said.</summary>
public class MessageTests
{
    [Fact]
    public void AMisspelledCommandSuggestsTheNearest()
    {
        var (exit, _, err) = Run("plann", Sample);
        Assert.Equal(2, exit);
        Assert.Contains("did you mean 'plan'?", err);
        Assert.DoesNotContain("Required command", err);
    }

    [Fact]
    public void AnUnknownCommandFarFromAnyListsThem()
    {
        var (exit, _, err) = Run("frobnicate");
        Assert.Equal(2, exit);
        Assert.Contains("expected one of entitlement, plan, verify", err);
    }

    [Fact]
    public void CompareWithAMissingPolicyFileSaysPolicyFile()
    {
        var (exit, _, err) = Run(
            "compare",
            Sample,
            Path.Combine(TempDir(), "whatif.json"),
            "--out",
            Path.Combine(TempDir(), "c")
        );
        Assert.Equal(2, exit);
        Assert.Contains("found no such policy file", err);
    }

    [Fact]
    public void SimulateWithoutTrendsNamesTheAssumedGrowthAndSpread()
    {
        var (exit, _, err) = Run("simulate", Sample, "--runs", "5", "--out", Path.Combine(TempDir(), "s"));
        Assert.Equal(0, exit);
        Assert.Contains("no trends.csv", err);
        Assert.Contains("growth 0", err);
        Assert.Contains("spread of 10%", err);
    }

    [Fact]
    public void VerifyOfAnotherScenariosPlanSaysSoFirst()
    {
        var plan = Path.Combine(TempDir(), "p");
        Assert.Equal(0, Run("plan", Sample, "--out", plan, "--solver", "greedy").Exit);
        var other = Scenario(("centres.csv", CentresHeader + "1,A,X,L,CEIP,public,100,30,3,,,false,1,0,,,\n"));
        var (exit, _, err) = Run("verify", other, plan);
        Assert.Equal(1, exit);
        Assert.Contains("was planned from another input", err);
    }

    [Theory]
    [InlineData(1, "posts", "1 post")]
    [InlineData(2, "posts", "2 posts")]
    [InlineData(1, "shares", "1 itinerant share")]
    [InlineData(3, "shares", "3 itinerant shares")]
    [InlineData(1, "days a week", "1 EOEP day a week")]
    [InlineData(5, "days a week", "5 EOEP days a week")]
    public void AmountsAreSingularForOne(int n, string unit, string expected) =>
        Assert.Equal(expected, Staffing.Cli.Localization.Units.Amount(n, unit));
}
