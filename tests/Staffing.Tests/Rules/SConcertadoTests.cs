using Staffing.Domain;
using Staffing.Rules;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>S-CONCERTADO (Novena d): ESO support posts through the agreement, no PTSC post.</summary>
public class SConcertadoTests
{
    [Fact]
    public void ConcertadoInstituteGetsSupportPostsNoPtsc()
    {
        var s = Entitle(Ies(300, 80).Concertado());
        Assert.Equal("S-SUPPORT;S-CONCERTADO", s.Line(Resource.SecondarySupport)!.Rules);
        Assert.Equal(Funding.Agreement, s.Line(Resource.SecondarySupport)!.Funding);
        Assert.Equal(0, s.Amount(Resource.SecondaryPtsc));
    }

    [Fact]
    public void TheRuleSaysWhoPays()
    {
        var (result, because) = Apply(new SConcertado(), Ies(300, 80).Concertado());
        Assert.Equal(1, result);
        Assert.Contains("3 support posts through its funding agreement, outside the public pool", because);
    }
}
