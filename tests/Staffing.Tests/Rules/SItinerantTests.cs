using Staffing.Domain;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>S-ITINERANT (Novena c): an IES or CEIPSO without an S-SUPPORT post, with pupils and a justified need.</summary>
public class SItinerantTests
{
    [Fact]
    public void JustifiedBelow25IsEligible() =>
        Assert.Equal(1, Entitle(Ies(300, 24, justified: true)).Amount(Resource.SecondaryItinerant));

    [Fact]
    public void At25ThereIsAPostInstead() =>
        Assert.Equal(0, Entitle(Ies(300, 25, justified: true)).Amount(Resource.SecondaryItinerant));

    [Fact]
    public void CeipsoCanBeEligibleInEachStage()
    {
        var c = Centre.Create("X", CentreKind.CEIPSO, 100, 10, 100, 10) with { ItinerantJustified = true };
        var e = Entitle(c);
        Assert.Equal(1, e.Amount(Resource.PrimaryItinerant));
        Assert.Equal(1, e.Amount(Resource.SecondaryItinerant));
    }
}
