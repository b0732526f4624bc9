using Staffing.Domain;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>P-CONCERTADO and S-CONCERTADO (Octava d, Novena d): support posts only, funded by the agreement.</summary>
public class PConcertadoTests
{
    [Fact]
    public void ConcertadoGetsSupportPostsThroughItsAgreement()
    {
        var l = Entitle(Ceip(100, 60).Concertado()).Line(Resource.PrimarySupport)!;
        Assert.Equal(2, l.Entitled);
        Assert.Equal("P-SUPPORT;P-CONCERTADO", l.Rules);
        Assert.Equal(Funding.Agreement, l.Funding);
    }

    [Fact]
    public void ConcertadoGetsNoEoepDaysNoPtscNoItinerant()
    {
        var e = Entitle(Ceip(100, 60, justified: true).Concertado());
        Assert.Single(e.Lines);
        var s = Entitle(Ies(300, 80).Concertado());
        Assert.Equal("S-SUPPORT;S-CONCERTADO", s.Line(Resource.SecondarySupport)!.Rules);
        Assert.Equal(0, s.Amount(Resource.SecondaryPtsc));
    }

    [Fact]
    public void InPoolMovesTheFundingToThePool() =>
        Assert.Equal(Funding.Pool, Entitle(Ceip(100, 60).Concertado(), With("{\"concertado_in_pool\": true}")).Line(Resource.PrimarySupport)!.Funding);
}
