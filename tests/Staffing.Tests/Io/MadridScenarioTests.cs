using Staffing.Rules;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Io;

/// <summary>The Madrid scenario says only what is true of itself: towns as people write them, rules it leaves to the sample named.</summary>
public class MadridScenarioTests
{
    [Theory]
    [InlineData("Álamo, El", "El Álamo")]
    [InlineData("Molinos. Los", "Los Molinos")]
    [InlineData("Rozas de Madrid, Las", "Las Rozas de Madrid")]
    [InlineData("Alcalá de Henares", "Alcalá de Henares")]
    [InlineData("Madrid", "Madrid")]
    public void TownsAreWrittenAsPeopleWriteThem(string directory, string written) =>
        Assert.Equal(written, Staffing.Io.DirectoryScenario.AsWritten(directory));

    [Fact]
    public void NoLocalityOfMadridKeepsTheDirectorysArticleAfterTheName()
    {
        var madrid = Staffing.Io.ScenarioReader.Read(Path.Combine(RepoRoot, "scenarios", "madrid"));
        Assert.DoesNotContain(madrid.Centres, c => c.Locality.EndsWith(", El", StringComparison.Ordinal) || c.Locality.Contains(". L", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryRuleIsExercisedByTheSampleOrMadridOrSaidNotToBe()
    {
        var sample = Staffing.Io.ScenarioReader.Read(Sample);
        var madrid = Staffing.Io.ScenarioReader.Read(Path.Combine(RepoRoot, "scenarios", "madrid"));
        static HashSet<string> Applied(Scenario s) =>
            [.. s.Centres.SelectMany(c => RuleBook.Trace(c, s.Policy).Where(t => t.Applied).Select(t => t.Rule))];
        var (inSample, inMadrid) = (Applied(sample), Applied(madrid));
        bool Fires(Scenario s, Rule rule) => (s == sample ? inSample : inMadrid).Contains(rule.Id);
        var readme = File.ReadAllText(Path.Combine(RepoRoot, "scenarios", "madrid", "README.md"));
        foreach (var rule in RuleBook.All)
        {
            Assert.True(Fires(sample, rule) || Fires(madrid, rule), $"{rule.Id} applies to no centre of the sample or Madrid");
            if (!Fires(madrid, rule))
                Assert.Contains($"- {rule.Id} (", readme);
        }
    }
}
