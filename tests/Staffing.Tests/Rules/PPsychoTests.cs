using Staffing.Domain;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>P-PSYCHO (Octava c.a): psychopedagogue days by tiers of compensatory pupils, for preferred-action centres.</summary>
public class PPsychoTests
{
    [Theory]
    [InlineData(49, 1)]
    [InlineData(50, 2)]
    [InlineData(99, 2)]
    [InlineData(100, 3)]
    [InlineData(300, 3)]
    public void DefaultTiers(int comp, int days) =>
        Assert.Equal(days, Entitle(Ceip(comp * 2, comp)).Amount(Resource.PsychopedagogueDays));

    [Fact]
    public void NotPriorityNoDays() => Assert.Equal(0, Entitle(Ceip(400, 99)).Amount(Resource.PsychopedagogueDays));

    [Fact]
    public void TiersAreAParameter() =>
        Assert.Equal(
            4,
            Entitle(Ceip(100, 40), With("{\"psycho_day_tiers\": [[0, 2], [40, 4]]}"))
                .Amount(Resource.PsychopedagogueDays)
        );

    [Fact]
    public void BothStagesCountForACeipsoWhenAsked()
    {
        var c = Centre.Create("X", CentreKind.CEIPSO, 120, 40, 100, 20);
        Assert.Equal(1, Entitle(c).Amount(Resource.PsychopedagogueDays));
        Assert.Equal(2, Entitle(c, With("{\"psycho_count_stages\": \"both\"}")).Amount(Resource.PsychopedagogueDays));
    }

    [Fact]
    public void RulesNamePriorityAndPsycho() =>
        Assert.Equal("P-PRIORITY;P-PSYCHO", Entitle(Ceip(100, 30)).Line(Resource.PsychopedagogueDays)!.Rules);

    [Fact]
    public void DaysOutsideOneToThreeAreFlagged()
    {
        var (days, because) = Apply(
            new Staffing.Rules.PPsycho(),
            Ceip(100, 40),
            With("{\"psycho_day_tiers\": [[0, 2], [40, 4]]}")
        );
        Assert.Equal(4, days);
        Assert.Contains("flagged: 4 days is outside the regulation's 1 to 3", because);
        Assert.DoesNotContain("flagged", Apply(new Staffing.Rules.PPsycho(), Ceip(100, 40)).Because);
    }
}
