using Microsoft.AspNetCore.TestHost;
using System.Xml.Linq;

namespace Staffing.Tests.Web;

/// <summary>The page's words: every resource and unit kind has its own, and the API serves them in the language asked.</summary>
public class LanguageTests(ServeFixture serve) : IClassFixture<ServeFixture>
{
    // Every text in both languages: InterfaceLanguageTests, for every resource file of every project.
    private static Dictionary<string, string> Texts(string file) =>
        XDocument
            .Load(Path.Combine(Support.RepoRoot, "src", "Staffing.Cli", "Resources", file))
            .Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Fact]
    public void EveryResourceAndUnitKindHasItsWords()
    {
        var english = Texts(Path.Combine("Localization", "Words.resx"));
        foreach (var r in Staffing.Domain.Vocabulary.Resources)
        {
            Assert.Contains(Staffing.Domain.Vocabulary.Name(r), english.Keys);
            Assert.Contains(Staffing.Domain.Vocabulary.Unit(r), english.Keys);
        }
    }

    [Theory]
    [InlineData("?lang=es", "", "es", "maestro de apoyo de compensación educativa (primaria, plazas)")]
    [InlineData("?lang=en", "", "en", "primary support teacher (posts)")]
    [InlineData("", "en-GB,en;q=0.9", "en", "primary support teacher (posts)")]
    [InlineData("", "es-ES,es;q=0.9", "es", "maestro de apoyo de compensación educativa (primaria, plazas)")]
    [InlineData("", "", "es", "maestro de apoyo de compensación educativa (primaria, plazas)")]
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
        // A client of its own: the fixture's asks for English.
        using var client = serve.Memory.GetTestClient();
        var response = await client.SendAsync(request);
        var words = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(
            await response.Content.ReadAsStringAsync()
        )!;
        Assert.Equal(expected, words["lang"]);
        Assert.Equal(primarySupport, words["primary_support"]);
    }
}
