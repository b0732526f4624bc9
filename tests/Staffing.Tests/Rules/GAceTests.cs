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
}
