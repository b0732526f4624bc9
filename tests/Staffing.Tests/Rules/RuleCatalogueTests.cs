using System.Text.RegularExpressions;
using Staffing.Rules;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>The rule book as a catalogue: every rule listed, tested, in Spanish, documented, and named by constant.</summary>
public partial class RuleCatalogueTests
{
    private static readonly Type[] RuleTypes =
    [
        .. typeof(Rule).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Rule)) && !t.IsAbstract),
    ];

    [Fact]
    public void EveryRuleClassIsInTheRuleBookOnce() =>
        Assert.Equal(RuleTypes.Select(t => t.Name).Order(), RuleBook.All.Select(r => r.GetType().Name).Order());

    [Fact]
    public void EveryRuleHasATestClassOfItsName()
    {
        var tests = typeof(RuleCatalogueTests).Assembly.GetTypes().Select(t => t.Name).ToHashSet();
        Assert.All(RuleTypes, t => Assert.Contains(t.Name + "Tests", tests));
    }

    [Fact]
    public void EveryRuleCarriesTheRegulationsSpanishWordsAndAReading() =>
        Assert.All(
            RuleBook.All,
            r =>
            {
                Assert.Matches(SpanishWords(), r.Text);
                Assert.NotEmpty(r.Reading.En());
                Assert.NotEqual(r.Text, r.Reading.En());
            }
        );

    [Fact]
    public void EveryRuleParameterIsDeclaredInTheDefaultsFile() =>
        Assert.All(
            RuleBook.All.SelectMany(r => r.Parameters),
            name => Assert.NotNull(Staffing.Domain.PolicyLoader.Find(name))
        );

    [Fact]
    public void RuleIdsOutsideTheRulesAreConstantsNotLiterals()
    {
        var ids = string.Join("|", RuleBook.All.Select(r => Regex.Escape(r.Id)));
        var literal = new Regex($"\"({ids})[\";]");
        var offenders = Directory
            .GetFiles(Path.Combine(RepoRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.Combine("Staffing.Domain", "Rules"), StringComparison.Ordinal))
            .Where(f =>
                !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            )
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => literal.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(RepoRoot, x.f)}:{x.i + 1}");
        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("en", "rules.md")]
    [InlineData("es", "rules.es.md")]
    public void TheRuleBookInEachLanguageIsWhatTheRulesCommandWrites(string language, string file)
    {
        var (exit, output, _) = Run("rules", "--format", "md", "--lang", language);
        Assert.Equal(0, exit);
        var committed = File.ReadAllText(Path.Combine(RepoRoot, "docs", file));
        Assert.True(
            committed == output,
            $"docs/{file} is stale: run `staffing rules --format md --lang {language} > docs/{file}`"
        );
    }

    [Fact]
    public void EveryParametersUnitAndSourceIsATextInBothLanguagesAndTheDefaultsFileSaysTheSameInEnglish()
    {
        foreach (var p in PolicyLoader.Parameters)
        {
            using (Language.Use(Language.English))
            {
                Assert.Equal(p.UnitEnglish, p.Unit);
                Assert.Equal(p.SourceEnglish, p.Source);
            }
            using (Language.Use(Language.Spanish))
            {
                Assert.NotEqual("", p.Unit);
                Assert.NotEqual("", p.Source);
            }
        }
    }

    [GeneratedRegex(@"\b(de|los|las|del|con|por)\b")]
    private static partial Regex SpanishWords();
}
