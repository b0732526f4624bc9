using System.Text.RegularExpressions;
using System.Xml.Linq;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>
/// Every passage shown as the regulation's words is the text verbatim (line breaks aside), with "[…]" wherever it
/// is cut inside a sentence or at either end of one: the rules' texts, and the quotations inside the readings, the
/// resource texts and the parameters' sources, in both languages. The text of the instructions quoted (Octava,
/// Novena, Decimocuarta, Decimoséptima) lives in data/.
/// </summary>
public partial class QuotationTests
{
    private const string Cut = "[…]";

    private static readonly string Regulation = Normal(
        File.ReadAllText(Path.Combine(RepoRoot, "tests", "Staffing.Tests", "Rules", "data", "regulation-2006-07-21.txt"))
    );

    private static string Normal(string s) => Spaces().Replace(s, " ").Trim();

    /// <summary>Why a quotation is not the text's own words, or null when it is.</summary>
    public static string? Problem(string quotation)
    {
        var q = Normal(quotation);
        var fragments = q.Split(Cut).Select(f => f.Trim()).ToList();
        var from = 0;
        for (var i = 0; i < fragments.Count; i++)
        {
            var fragment = fragments[i];
            if (fragment.Length == 0)
                continue;
            var cutBefore = i > 0;
            var cutAfter = i < fragments.Count - 1;
            var found = -1;
            for (var at = Regulation.IndexOf(fragment, from, StringComparison.Ordinal); at >= 0; at = Regulation.IndexOf(fragment, at + 1, StringComparison.Ordinal))
                if ((cutBefore || StartsSentence(at)) && (cutAfter || EndsSentence(at + fragment.Length)))
                {
                    found = at;
                    break;
                }
            if (found < 0)
                return Regulation.Contains(fragment, StringComparison.Ordinal)
                    ? $"\"{fragment}\" is cut inside a sentence without {Cut}"
                    : $"\"{fragment}\" is not the text's words";
            from = found + fragment.Length;
        }
        return null;
    }

    /// <summary>A sentence starts after a full stop, a colon, a paragraph's letter "a)" or a heading's "A.".</summary>
    private static bool StartsSentence(int at)
    {
        var before = Regulation[..at].TrimEnd();
        return before.Length == 0 || before[^1] is '.' or ':' or ')';
    }

    /// <summary>A quotation that is not cut at its end ends where the text's sentence does.</summary>
    private static bool EndsSentence(int end) => Regulation[end - 1] == '.';

    [Theory]
    [InlineData("El número de alumnos en estos grupos de apoyo no debe ser superior a 12.", false)]
    [InlineData("[…] el número de alumnos en estos grupos", false)]
    [InlineData("más del 25%", false)]
    [InlineData("[…] escolaricen más de un 25 por 100 de alumnos con las necesidades descritas […]", true)]
    [InlineData("Se podrá establecer apoyo educativo en grupos fuera del aula de referencia", false)]
    [InlineData("d) Los centros privados concertados", false)]
    [InlineData("Los centros privados concertados, en los que se cumplan las condiciones recogidas en la presente instrucción, podrán contar en su concierto educativo con profesor de apoyo de compensación educativa.", true)]
    public void TheCheckerTellsTheTextFromWhatIsNot(string quotation, bool verbatim) =>
        Assert.Equal(verbatim, Problem(quotation) is null);

    [Fact]
    public void EveryRulesTextIsTheRegulationVerbatim()
    {
        var problems = Staffing
            .Rules.RuleBook.All.Select(r => (r.Id, Problem: Problem(r.Text)))
            .Where(x => x.Problem is not null)
            .Select(p => $"{p.Id}: {p.Problem}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>A quotation in a resource text or a source: Spanish words between «», “” or "" (or '' in a source).</summary>
    private static IEnumerable<string> Quotations(string text) =>
        QuotedSpanish().Matches(text).Select(m => m.Groups["q"].Value).Where(LooksLikeTheText);

    /// <summary>Most of its words are words of the regulation (so English text in quotes is not taken for it).</summary>
    private static bool LooksLikeTheText(string q)
    {
        var words = Words().Matches(q).Select(m => m.Value).ToList();
        return words.Count >= 2
            && words.Count(w => Regulation.Contains(w, StringComparison.OrdinalIgnoreCase)) >= 0.8 * words.Count;
    }

    [Fact]
    public void EveryQuotationInTheTextsAndSourcesIsTheRegulationVerbatim()
    {
        var texts = Directory
            .GetFiles(Path.Combine(RepoRoot, "src"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f =>
                XDocument.Load(f).Root!.Elements("data").Select(d => ($"{Path.GetFileName(f)} {d.Attribute("name")!.Value}", d.Element("value")!.Value))
            )
            .Concat(PolicyLoader.Parameters.Select(p => ($"{p.Name} source", p.SourceEnglish)));
        var problems = texts
            .SelectMany(t => Quotations(t.Item2).Select(q => (t.Item1, Problem(q))))
            .Where(x => x.Item2 is not null)
            .Select(x => $"{x.Item1}: {x.Item2}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    [GeneratedRegex("(?:«(?<q>[^»]+)»|“(?<q>[^”]+)”|\"(?<q>[^\"]+)\"|'(?<q>[^']{6,})')")]
    private static partial Regex QuotedSpanish();
}
