using Staffing.Domain;
using Staffing.Rules;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>G-PRIMARY-GROUP (Decimocuarta B): support groups of at most 12, hours a week per pupil; no posts.</summary>
public class GPrimaryGroupTests
{
    [Fact]
    public void GroupsOfAtMost12()
    {
        var i = StageIndicators.For(Ceip(200, 25), Stage.Primary, Defaults, 1, 0);
        Assert.Equal(3, i.GroupsNeeded);
        Assert.Equal(12m, i.SupportHoursPerPupil); // 25 h × 12 / 25
        Assert.Equal(3, Apply(new GPrimaryGroup(), Ceip(200, 25)).Result);
    }

    [Fact]
    public void HoursAreCappedAt15AndFlaggedBelow5()
    {
        Assert.Equal(15m, StageIndicators.For(Ceip(200, 10), Stage.Primary, Defaults, 1, 0).SupportHoursPerPupil);
        var low = StageIndicators.For(Ceip(200, 75), Stage.Primary, Defaults, 1, 0);
        Assert.Equal(4m, low.SupportHoursPerPupil);
        Assert.Equal("low_support_hours", low.Flag);
        Assert.Contains("below 5: flagged", Apply(new GPrimaryGroup(), Ceip(200, 75, cycles: 1)).Because);
    }

    [Fact]
    public void ItinerantDaysAddHours() =>
        Assert.Equal(6m, StageIndicators.For(Ceip(200, 20), Stage.Primary, Defaults, 0, 2).SupportHoursPerPupil); // 2 × 5 h × 12 / 20

    [Fact]
    public void NoCompensatoryPupilsNoGroups() => Assert.Equal(0, Apply(new GPrimaryGroup(), Ceip(200, 0)).Result);
}
