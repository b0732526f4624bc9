using Staffing.Domain;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>P-PTSC (Octava c.b): PTSC days by socio-educational need, for preferred-action centres.</summary>
public class PPtscTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    public void DaysFollowTheNeed(int need, int days) =>
        Assert.Equal(days, Entitle(Ceip(100, 30) with { PtscNeed = need }).Amount(Resource.PtscDays));

    [Fact]
    public void NotPriorityNoDays() =>
        Assert.Equal(0, Entitle(Ceip(100, 25) with { PtscNeed = 3 }).Amount(Resource.PtscDays));

    [Fact]
    public void MapIsAParameter() =>
        Assert.Equal(
            2,
            Entitle(Ceip(100, 30), With("{\"ptsc_days_by_need\": {\"1\": 2, \"2\": 3, \"3\": 4}}"))
                .Amount(Resource.PtscDays)
        );

    [Fact]
    public void DaysOutsideOneToThreeAreFlagged() =>
        Assert.Contains(
            "outside the regulation's 1 to 3",
            Apply(
                new Staffing.Rules.PPtsc(),
                Ceip(100, 40),
                With("{\"ptsc_days_by_need\": {\"1\": 5, \"2\": 2, \"3\": 3}}")
            ).Because
        );
}
