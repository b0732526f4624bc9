using Staffing.Domain;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>S-SUPPORT (Novena a): one post per full 25 compensatory ESO pupils, at most 4.</summary>
public class SSupportTests
{
    [Theory]
    [InlineData(24, 0)]
    [InlineData(25, 1)]
    [InlineData(99, 3)]
    [InlineData(100, 4)]
    [InlineData(200, 4)]
    public void OnePostPer25CappedAt4(int comp, int posts) =>
        Assert.Equal(posts, Entitle(Ies(500, comp)).Amount(Resource.SecondarySupport));

    [Fact]
    public void CapIsAParameter() =>
        Assert.Equal(8, Entitle(Ies(500, 200), With("{\"secondary_cap\": 10}")).Amount(Resource.SecondarySupport));

    [Fact]
    public void CeipsoEsoStageIsStaffedLikeAnInstituteUnlessSwitchedOff()
    {
        var c = Centre.Create("X", CentreKind.CEIPSO, 100, 10, 200, 60);
        Assert.Equal(2, Entitle(c).Amount(Resource.SecondarySupport));
        Assert.Equal(0, Entitle(c, With("{\"ceipso_secondary_rules\": false}")).Amount(Resource.SecondarySupport));
    }
}
