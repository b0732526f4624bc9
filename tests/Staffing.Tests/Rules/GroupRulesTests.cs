using Staffing.Domain;
using Staffing.Rules;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>G-PRIMARY-GROUP, G-ESO-GROUP, G-ESO-SPECIFIC, G-ACE (Decimocuarta, Decimoséptima): indicators, no posts.</summary>
public class GroupRulesTests
{
    [Fact]
    public void GroupsOfAtMost12()
    {
        var i = StageIndicators.For(Ceip(200, 25), Stage.Primary, Defaults, 1, 0);
        Assert.Equal(3, i.GroupsNeeded);
        Assert.Equal(12m, i.SupportHoursPerPupil); // 25 h × 12 / 25
    }

    [Fact]
    public void HoursAreCappedAt15AndFlaggedBelow5()
    {
        Assert.Equal(15m, StageIndicators.For(Ceip(200, 10), Stage.Primary, Defaults, 1, 0).SupportHoursPerPupil);
        var low = StageIndicators.For(Ceip(200, 75), Stage.Primary, Defaults, 1, 0);
        Assert.Equal(4m, low.SupportHoursPerPupil);
        Assert.Equal("low_support_hours", low.Flag);
    }

    [Fact]
    public void ItinerantDaysAddHours() =>
        Assert.Equal(6m, StageIndicators.For(Ceip(200, 20), Stage.Primary, Defaults, 0, 2).SupportHoursPerPupil); // 2 × 5 h × 12 / 20

    [Theory]
    [InlineData(9, 1, true)]
    [InlineData(10, 1, false)]
    [InlineData(15, 1, false)]
    [InlineData(16, 2, true)]
    [InlineData(20, 2, false)]
    public void SpecificGroupsOf10To15(int n, int groups, bool notViable)
    {
        var i = StageIndicators.For(Ies(300, 30) with { SpecificGroupPupils = n }, Stage.Secondary, Defaults, 1, 0);
        Assert.Equal(groups, i.SpecificGroups);
        Assert.Equal(notViable, i.SpecificNotViable);
    }

    [Theory]
    [InlineData(13, 1)]
    [InlineData(14, 2)]
    public void AceAdmitsAt13AGroup(int n, int groups) =>
        Assert.Equal(groups, StageIndicators.For(Ies(300, 30) with { AcePupils = n }, Stage.Secondary, Defaults, 1, 0).AceGroups);
}
