using Staffing.Domain;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>P-ITINERANT (Octava b): below its own post threshold, with pupils and a justified need.</summary>
public class PItinerantTests
{
    [Fact]
    public void JustifiedBelow25IsEligible() =>
        Assert.Equal(1, Entitle(Ceip(300, 24, justified: true)).Amount(Resource.PrimaryItinerant));

    [Fact]
    public void At25ThereIsAPostInstead() =>
        Assert.Equal(0, Entitle(Ceip(300, 25, justified: true)).Amount(Resource.PrimaryItinerant));

    [Fact]
    public void NotJustifiedIsNotEligible() =>
        Assert.Equal(0, Entitle(Ceip(300, 24)).Amount(Resource.PrimaryItinerant));

    [Fact]
    public void NoCompensatoryPupilsIsNotEligible() =>
        Assert.Equal(0, Entitle(Ceip(300, 0, justified: true)).Amount(Resource.PrimaryItinerant));

    [Fact]
    public void CraBelow15IsEligibleAndAt15HasAPost()
    {
        Assert.Equal(1, Entitle(Cra(60, 14, justified: true)).Amount(Resource.PrimaryItinerant));
        Assert.Equal(0, Entitle(Cra(60, 15, justified: true)).Amount(Resource.PrimaryItinerant));
    }

    [Fact]
    public void CeilRoundingLeavesNoOneEligible() =>
        Assert.Equal(
            0,
            Entitle(Ceip(300, 3, justified: true), With("{\"rounding\": \"ceil\"}")).Amount(Resource.PrimaryItinerant)
        );

    [Fact]
    public void ConcertadoIsNotEligible() =>
        Assert.Equal(0, Entitle(Ceip(300, 10, justified: true).Concertado()).Amount(Resource.PrimaryItinerant));
}
