using Staffing.Domain;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>P-CONCERTADO (Octava d): support posts only, funded by the agreement.</summary>
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
    }

    [Fact]
    public void ThePublicCentreIsNotConcertado() =>
        Assert.Equal("a public centre", Apply(new Staffing.Rules.PConcertado(), Ceip(100, 60)).Because);

    [Fact]
    public void InPoolMovesTheFundingToThePool() =>
        Assert.Equal(
            Funding.Pool,
            Entitle(Ceip(100, 60).Concertado(), With("{\"concertado_in_pool\": true}"))
                .Line(Resource.PrimarySupport)!
                .Funding
        );
}
