using Staffing.Domain;
using Staffing.Rules;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>G-ACE (Decimoséptima E): compensatory classrooms of 15, two places kept: 13 admitted a group.</summary>
public class GAceTests
{
    [Theory]
    [InlineData(13, 1)]
    [InlineData(14, 2)]
    public void AceAdmitsAt13AGroup(int n, int groups)
    {
        Assert.Equal(
            groups,
            StageIndicators.For(Ies(300, 30) with { AcePupils = n }, Stage.Secondary, Defaults, 1, 0).AceGroups
        );
        Assert.Equal(groups, Apply(new GAce(), Ies(300, 30) with { AcePupils = n }).Result);
    }

    [Fact]
    public void ReservedPlacesAreAParameter() =>
        Assert.Equal(1, Apply(new GAce(), Ies(300, 30) with { AcePupils = 14 }, With("{\"ace_reserved\": 1}")).Result);

    private static readonly Centre[] ThreeProposing =
    [
        Ies(300, 30, code: "I1") with
        {
            AcePupils = 5,
        },
        Ies(300, 30, code: "I2") with
        {
            AcePupils = 5,
        },
        Ies(300, 30, code: "I3") with
        {
            AcePupils = 3,
        },
        Ies(300, 30, code: "I4") with
        {
            AcePupils = 1,
            Area = "B",
        },
    ];

    [Fact]
    public void PerCentreEachProposalMakesItsOwnGroups()
    {
        var areas = GAce.Areas(ThreeProposing, Defaults).ToList();
        Assert.Equal(new AceArea("A", 3, 13, 3), areas[0]);
        Assert.Equal(new AceArea("B", 1, 1, 1), areas[1]);
    }

    [Fact]
    public void PooledPerAreaThirteenProposedMakeOneGroup()
    {
        var pooled = With("{\"ace_pooling\": \"area\"}");
        Assert.Equal(new AceArea("A", 3, 13, 1), GAce.Areas(ThreeProposing, pooled).First());
        // One more pupil in the area crosses into a second group.
        var more = ThreeProposing.Select(c => c.Code == "I3" ? c with { AcePupils = 4 } : c);
        Assert.Equal(2, GAce.Areas(more, pooled).First().AceGroups);
        Assert.Contains(
            "ace_pooling area",
            Staffing.Rules.RuleBook.Trace(ThreeProposing[0], pooled).Single(t => t.Rule == GAce.Id).Reading.En()
        );
    }
}
