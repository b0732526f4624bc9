using Staffing.Domain;
using Staffing.Rules;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>G-ESO-SPECIFIC (Decimoséptima C): specific compensatory groups of 10 to 15 pupils.</summary>
public class GEsoSpecificTests
{
    [Theory]
    [InlineData(9, 0, true)]
    [InlineData(10, 1, false)]
    [InlineData(15, 1, false)]
    [InlineData(16, 1, false)]
    [InlineData(20, 2, false)]
    [InlineData(31, 3, false)]
    public void SpecificGroupsOf10To15(int n, int groups, bool notViable)
    {
        var i = StageIndicators.For(Ies(300, 30) with { SpecificGroupPupils = n }, Stage.Secondary, Defaults, 1, 0);
        Assert.Equal(groups, i.SpecificGroups);
        Assert.Equal(notViable, i.SpecificNotViable);
        Assert.Equal(groups, Apply(new GEsoSpecific(), Ies(300, 30) with { SpecificGroupPupils = n }).Result);
    }

    [Fact]
    public void NoPupilsProposedNoGroups() =>
        Assert.Equal(
            "no pupils proposed for specific compensatory groups",
            Apply(new GEsoSpecific(), Ies(300, 30)).Because
        );

    [Fact]
    public void PupilsBeyondTheGroupsAreLeftOut() =>
        Assert.EndsWith(
            "1 pupil is left out",
            Apply(new GEsoSpecific(), Ies(300, 30) with { SpecificGroupPupils = 16 }).Because
        );

    [Fact]
    public void FewerThanTenFormNoGroup() =>
        Assert.Contains(
            "no specific group can be formed",
            Apply(new GEsoSpecific(), Ies(300, 30) with { SpecificGroupPupils = 9 }).Because
        );
}
