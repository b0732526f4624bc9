using Staffing.Domain;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>S-PTSC (Novena b): an institute with at least 2 support teachers gains a PTSC post.</summary>
public class SPtscTests
{
    [Fact]
    public void OneSupportPostIsNotEnough() => Assert.Equal(0, Entitle(Ies(500, 49)).Amount(Resource.SecondaryPtsc));

    [Fact]
    public void TwoSupportPostsGiveAPtscPost()
    {
        var l = Entitle(Ies(500, 50)).Line(Resource.SecondaryPtsc)!;
        Assert.Equal(1, l.Entitled);
        Assert.Equal("S-SUPPORT;S-PTSC", l.Rules);
    }

    [Fact]
    public void MinimumIsAParameter() =>
        Assert.Equal(
            1,
            Entitle(Ies(500, 25), With("{\"secondary_ptsc_min_support\": 1}")).Amount(Resource.SecondaryPtsc)
        );

    [Fact]
    public void ACeipsoGetsNoPtscPostUnlessAsked()
    {
        var c = Centre.Create("X", CentreKind.CEIPSO, 100, 10, 200, 60);
        Assert.Equal(0, Entitle(c).Amount(Resource.SecondaryPtsc));
        Assert.Contains("ceipso_secondary_ptsc false", Apply(new Staffing.Rules.SPtsc(), c).Because);
        Assert.Equal(1, Entitle(c, With("{\"ceipso_secondary_ptsc\": true}")).Amount(Resource.SecondaryPtsc));
    }
}
