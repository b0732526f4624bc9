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
}
