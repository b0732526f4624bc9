using static Staffing.Tests.Support;

namespace Staffing.Tests.Io;

/// <summary>The policy record: defaults file with units and sources, overrides checked by type.</summary>
public class PolicyTests
{
    [Fact]
    public void DefaultsMatchRulesMd()
    {
        var p = PolicyLoader.Defaults;
        Assert.Equal(25, p.PrimaryRatio);
        Assert.Equal(1, p.CycleCap);
        Assert.Equal(Rounding.Floor, p.Rounding);
        Assert.Equal(2, p.ItinerantShare);
        Assert.Equal(0.25m, p.PriorityThreshold);
        Assert.True(p.PriorityStrict);
        Assert.Equal([new DayTier(0, 1), new DayTier(50, 2), new DayTier(100, 3)], p.PsychoDayTiers.ToArray());
        Assert.Equal([1, 2, 3], p.PtscDaysByNeed.ToArray());
        Assert.Equal(15, p.CraRatio);
        Assert.False(p.CraRequiresPriority);
        Assert.False(p.ConcertadoInPool);
        Assert.Equal(25, p.SecondaryRatio);
        Assert.Equal(4, p.SecondaryCap);
        Assert.Equal(2, p.SecondaryPtscMinSupport);
        Assert.Equal(0, p.EoepReservedDays);
        Assert.Null(p.MaxLossPerCentre);
    }

    [Fact]
    public void EveryParameterHasAUnitAndASource() =>
        Assert.All(
            PolicyLoader.Parameters,
            i =>
            {
                Assert.NotEmpty(i.Unit);
                Assert.NotEmpty(i.Source);
            }
        );

    [Fact]
    public void AWhatIfIsAnotherPolicyFile()
    {
        var errors = new Staffing.Domain.InputErrors();
        var p = PolicyLoader.Override(
            PolicyLoader.Defaults,
            "{\"primary_ratio\": 20, \"max_loss_per_centre\": 1}",
            "policy.json",
            errors
        );
        Assert.Empty(errors.Messages);
        Assert.Equal(20, p.PrimaryRatio);
        Assert.Equal(1, p.MaxLossPerCentre);
        Assert.Equal("20", p.Values["primary_ratio"]);
    }

    [Fact]
    public void APolicyJsonThatIsAFolderIsAnErrorNotIgnored()
    {
        var dir = TempDir();
        File.Copy(Path.Combine(Sample, "centres.csv"), Path.Combine(dir, "centres.csv"));
        Directory.CreateDirectory(Path.Combine(dir, "policy.json"));
        var (exit, _, err) = Run("entitlement", dir);
        Assert.Equal(2, exit);
        Assert.Contains("policy.json:1:1: found a folder, expected a policy.json file of overrides", err);
    }
}
