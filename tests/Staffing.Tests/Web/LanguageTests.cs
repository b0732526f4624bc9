using System.Xml.Linq;

namespace Staffing.Tests.Web;

/// <summary>Every text of the interface's resource files exists in every language, and the API serves each.</summary>
public class LanguageTests(ServeFixture serve) : IClassFixture<ServeFixture>
{
    private static Dictionary<string, string> Texts(string file) =>
        XDocument
            .Load(Path.Combine(Support.RepoRoot, "src", "Staffing.Cli", "Resources", file))
            .Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    public static TheoryData<string> Files =>
        [
            .. Directory
                .GetFiles(Path.Combine(Support.RepoRoot, "src", "Staffing.Cli", "Resources"), "*.resx")
                .Select(Path.GetFileName)
                .Where(f => f!.Split('.').Length == 2)
                .Select(f => f!),
        ];

    [Theory]
    [MemberData(nameof(Files))]
    public void ATextExistsInEveryLanguageOrTheTestFails(string neutral)
    {
        var english = Texts(neutral);
        foreach (var language in Staffing.Domain.Language.Supported.Where(l => l != "en"))
        {
            var translated = Texts(neutral.Replace(".resx", $".{language}.resx", StringComparison.Ordinal));
            Assert.Equal(english.Keys.Order(StringComparer.Ordinal), translated.Keys.Order(StringComparer.Ordinal));
            Assert.All(
                translated,
                t => Assert.False(string.IsNullOrWhiteSpace(t.Value), $"{language}: {t.Key} is empty")
            );
        }
        Assert.All(english, t => Assert.False(string.IsNullOrWhiteSpace(t.Value), $"en: {t.Key} is empty"));
    }

    [Fact]
    public void EveryResourceAndUnitKindHasItsWords()
    {
        var english = Texts("Words.resx");
        foreach (var r in Staffing.Domain.Vocabulary.Resources)
        {
            Assert.Contains(Staffing.Domain.Vocabulary.Name(r), english.Keys);
            Assert.Contains(Staffing.Domain.Vocabulary.Unit(r), english.Keys);
        }
    }

    [Theory]
    [InlineData("?lang=es", "", "es", "maestro de apoyo de compensatoria (primaria, plazas)")]
    [InlineData("?lang=en", "", "en", "primary support teacher (posts)")]
    [InlineData("", "en-GB,en;q=0.9", "en", "primary support teacher (posts)")]
    [InlineData("", "es-ES,es;q=0.9", "es", "maestro de apoyo de compensatoria (primaria, plazas)")]
    [InlineData("", "", "es", "maestro de apoyo de compensatoria (primaria, plazas)")]
    public async Task TheWordsComeInTheLanguageAskedOrTheBrowsersOrSpanish(
        string query,
        string acceptLanguage,
        string expected,
        string primarySupport
    )
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/words" + query);
        if (acceptLanguage.Length > 0)
            request.Headers.Add("Accept-Language", acceptLanguage);
        var response = await serve.Client.SendAsync(request);
        var words = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(
            await response.Content.ReadAsStringAsync()
        )!;
        Assert.Equal(expected, words["lang"]);
        Assert.Equal(primarySupport, words["primary_support"]);
    }
}
