using Staffing.Domain;
using Staffing.Rules;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>Cliff edges: what one compensatory pupil more or fewer would change.</summary>
public class CliffEdgeTests
{
    [Fact]
    public void TwentyFourToTwentyFiveGivesAPost() =>
        Assert.Contains(
            CliffEdges.Of(Ceip(300, 24), Defaults),
            e => e.Change == 1 && e.Resource == Resource.PrimarySupport && e.From == 0 && e.To == 1
        );

    [Fact]
    public void TwentyFivePercentToJustOverMakesAPreferredActionCentre() =>
        Assert.Contains(
            CliffEdges.Of(Ceip(100, 25), Defaults),
            e => e.Rule == "P-PRIORITY" && e.To == 1 && e.Text.En().Contains("make this a preferred-action centre")
        );

    [Fact]
    public void FourteenToFifteenInACraGivesAnItinerantPost() =>
        Assert.Contains(CliffEdges.Of(Cra(100, 14), Defaults), e => e.Resource == Resource.CraItinerant && e.To == 1);

    [Fact]
    public void NearThresholdsListsOnlyCentresOnAnEdge()
    {
        var (exit, output, _) = Run("entitlement", Sample, "--near-thresholds");
        Assert.Equal(0, exit);
        Assert.StartsWith("code,stage,change,resource,from,to,rule,text", output);
        Assert.Contains("28002944,primary,1,,0,1,P-PRIORITY,", output);
        Assert.DoesNotContain("28032535,", output);
    }
}
