using Staffing.Allocation;
using Staffing.Domain;
using static Staffing.Tests.Allocation.AllocationSupport;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Allocation;

/// <summary>audit: says what it knows; agreement posts are held, a centre with no row is not given.</summary>
public class AuditTests
{
    private static AuditLine Line(IReadOnlyList<AuditLine> lines, string code, Resource r) =>
        lines.Single(l => l.Code == code && l.Resource == r);

    [Fact]
    public void AConcertadoCentreHoldsItsAgreementPosts()
    {
        var s = Scenario(
            [Ceip(100, 75, code: "K").Concertado(), Ceip(100, 25, code: "P")],
            current: [new Holding("P", Resource.PrimarySupport, 1, null)]
        );
        var k = Line(Audit.Lines(s), "K", Resource.PrimarySupport);
        Assert.Equal(3, k.Held);
        Assert.Equal(0, k.Difference);
        Assert.StartsWith("held through its funding agreement", k.Finding.En());
    }

    [Fact]
    public void ACentreWithNoRowInCurrentIsNotGivenAndNotCountedUnderStaffed()
    {
        var s = Scenario(
            [Ceip(100, 50, code: "A"), Ceip(100, 50, code: "B")],
            current: [new Holding("A", Resource.PrimarySupport, 1, null)]
        );
        var lines = Audit.Lines(s);
        var b = Line(lines, "B", Resource.PrimarySupport);
        Assert.Null(b.Held);
        Assert.Null(b.Difference);
        Assert.StartsWith("not given", b.Finding.En());
        Assert.Equal(-1, Line(lines, "A", Resource.PrimarySupport).Difference);
        var area = Audit.Areas(s, lines).Single(a => a.Resource == Resource.PrimarySupport);
        Assert.Equal((1, 2, 1, 1, 2), (area.Held, area.Entitled, area.Under, area.NotGiven, area.NotGivenEntitled));
    }

    [Fact]
    public void AResourceNoRowRecordsIsNotGivenEvenForAListedCentre()
    {
        var s = Scenario(
            [Ceip(100, 50, code: "A")], // 2 support posts, preferred action: psychopedagogue and PTSC days
            current: [new Holding("A", Resource.PrimarySupport, 2, null)]
        );
        var lines = Audit.Lines(s);
        Assert.Equal(0, Line(lines, "A", Resource.PrimarySupport).Difference);
        Assert.Null(Line(lines, "A", Resource.PsychopedagogueDays).Held);
    }

    [Fact]
    public void AListedCentreWithoutARowOfARecordedResourceHoldsNone()
    {
        var s = Scenario(
            [Ceip(100, 50, code: "A"), Ceip(100, 25, code: "B")],
            current: [new Holding("A", Resource.PrimarySupport, 2, null), new Holding("B", Resource.PtscDays, 1, null)]
        );
        Assert.Equal(0, Line(Audit.Lines(s), "B", Resource.PrimarySupport).Held);
    }
}
