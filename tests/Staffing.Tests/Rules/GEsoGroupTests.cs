using Staffing.Domain;
using Staffing.Rules;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>G-ESO-GROUP (Decimoséptima B): as G-PRIMARY-GROUP with secondary teaching hours.</summary>
public class GEsoGroupTests
{
    [Fact]
    public void SecondaryHoursAreTwentyAWeek()
    {
        var i = StageIndicators.For(Ies(300, 30), Stage.Secondary, Defaults, 1, 0);
        Assert.Equal(3, i.GroupsNeeded);
        Assert.Equal(8m, i.SupportHoursPerPupil); // 20 h × 12 / 30
    }

    [Fact]
    public void TheRuleCountsGroupsFromTheSupportPosts()
    {
        var (result, because) = Apply(new GEsoGroup(), Ies(300, 50));
        Assert.Equal(5, result);
        Assert.Contains("2 support posts give", because);
    }

    [Fact]
    public void APrimarySchoolHasNoEsoGroups() => Assert.Equal(0, Apply(new GEsoGroup(), Ceip(300, 50)).Result);
}
