using Staffing.Domain;
using Staffing.Equity;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Equity;

/// <summary>The public / concertado split of the segregation pacts, against figures computed by hand.</summary>
public class OwnershipSplitTests
{
    private static readonly Centre[] Town =
    [
        Ceip(100, 30, code: "P1"),
        Ceip(100, 30, code: "P2"),
        Ceip(100, 5, code: "K1").Concertado(),
    ];

    [Fact]
    public void EachSectorsShareOfCompensatoryPupilsAgainstItsShareOfPupils()
    {
        var split = OwnershipSplit.Of(Town, Stage.Primary);
        Assert.Equal(60.0 / 65, split.PublicShareCompensatory!.Value, 12);
        Assert.Equal(200.0 / 300, split.PublicSharePupils!.Value, 12);
        Assert.Equal(60.0 / 65 / (2.0 / 3), split.PublicRatio!.Value, 12);
        Assert.Equal(5.0 / 65 / (1.0 / 3), split.ConcertadoRatio!.Value, 12); // 0.23: under a quarter of its fair share
    }

    [Fact]
    public void DBetweenTheSectorsTakesEachAsOneSchool() =>
        // ½(|60/65 − 140/235| + |5/65 − 95/235|)
        Assert.Equal(
            0.5 * (Math.Abs(60.0 / 65 - 140.0 / 235) + Math.Abs(5.0 / 65 - 95.0 / 235)),
            OwnershipSplit.Of(Town, Stage.Primary).SectorDissimilarity!.Value,
            12
        );

    [Fact]
    public void WithoutAConcertadoSchoolThereIsNoSplitToMeasure()
    {
        var split = OwnershipSplit.Of(Town[..2], Stage.Primary);
        Assert.Null(split.SectorDissimilarity);
        Assert.Null(split.ConcertadoRatio);
        Assert.Equal(1.0, split.PublicRatio!.Value, 12);
    }

    [Fact]
    public void TheEquityReportCarriesTheSplitPerLocality()
    {
        var s = Staffing.Tests.Allocation.AllocationSupport.Scenario(Town);
        var rows = EquityReport.Compute(new Staffing.Allocation.AllocationProblem(s), null, true, 0);
        var locality = rows.Single(r => r.Level == "locality" && r.Stage == Stage.Primary);
        Assert.Equal(OwnershipSplit.Of(Town, Stage.Primary), locality.Ownership);
    }
}
