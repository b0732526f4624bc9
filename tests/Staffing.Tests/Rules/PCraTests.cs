using Staffing.Domain;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>P-CRA (Octava c, third term): a CRA gets itinerant posts per full 15 compensatory pupils.</summary>
public class PCraTests
{
    [Theory]
    [InlineData(14, 0)]
    [InlineData(15, 1)]
    [InlineData(29, 1)]
    [InlineData(30, 2)]
    [InlineData(75, 5)]
    public void OnePostPerFull15(int comp, int posts)
    {
        var e = Entitle(Cra(400, comp));
        Assert.Equal(posts, e.Amount(Resource.CraItinerant));
        Assert.Equal(0, e.Amount(Resource.PrimarySupport));
    }

    [Fact]
    public void DoesNotNeedTheTwentyFivePercentByDefault()
    {
        var e = Entitle(Cra(400, 30));
        Assert.False(e.Facts.Priority);
        Assert.Equal(2, e.Amount(Resource.CraItinerant));
        Assert.Equal("P-CRA", e.Line(Resource.CraItinerant)!.Rules);
    }

    [Fact]
    public void WhenPriorityIsRequiredANonPriorityCraFallsBackToPSupport()
    {
        var p = With("{\"cra_requires_priority\": true}");
        var e = Entitle(Cra(400, 30), p);
        Assert.Equal(0, e.Amount(Resource.CraItinerant));
        Assert.Equal(1, e.Amount(Resource.PrimarySupport));
        var priority = Entitle(Cra(100, 30), p);
        Assert.Equal(2, priority.Amount(Resource.CraItinerant));
        Assert.Equal("P-PRIORITY;P-CRA", priority.Line(Resource.CraItinerant)!.Rules);
    }

    [Fact]
    public void RatioIsAParameter() =>
        Assert.Equal(3, Entitle(Cra(400, 30), With("{\"cra_ratio\": 10}")).Amount(Resource.CraItinerant));
}
