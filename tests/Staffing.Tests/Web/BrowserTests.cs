using Microsoft.Playwright;
using static Staffing.Tests.Web.Browsers;

namespace Staffing.Tests.Web;

/// <summary>
/// The page in a real browser: Debian's Chromium driven by Playwright (ExecutablePath, nothing downloaded).
/// .ci/run installs the browser when it is missing; these tests are never skipped.
/// </summary>
public class BrowserTests(ServeFixture serve) : BrowserTest, IClassFixture<ServeFixture>
{
    [Fact]
    public async Task AnInspectorFindsACentreAndReadsWhy()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(serve.Url);
        await page.FillAsync("#q", "echague");
        await page.ClickAsync(".result[data-code='28002956']");
        await page.WaitForSelectorAsync("#card:not([hidden])");
        Assert.Equal("28002956 ORTIZ ECHAGÜE", await page.TextContentAsync("#card-title"));
        var resources = await page.TextContentAsync("#resources");
        Assert.Contains("primary_support", resources);
        Assert.Contains("pool short", resources);
        var trace = await page.TextContentAsync("#trace");
        Assert.Contains("51 of 200 primary pupils = 25.5%, more than 25.0%", trace);
        Assert.Contains("Octava c", trace);
        Assert.Contains("serán considerados como centros de actuación preferente", trace); // the regulation's words
        Assert.Contains("Reading chosen", trace); // and, apart, the project's reading
        Assert.Contains("would end its preferred-action status", await page.TextContentAsync("#edges"));
    }

    [Fact]
    public async Task APlannerSeesAnAreaAndRunsAWhatIf()
    {
        var page = await Browser.NewPageAsync(
            new BrowserNewPageOptions
            {
                ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            }
        );
        await page.GotoAsync(serve.Url + "/#areas");
        await page.WaitForSelectorAsync("#totals tbody tr");
        Assert.True(await page.Locator("#map circle").CountAsync() > 0);
        Assert.Contains("Alcalá de Henares", await page.Locator("#map text.town").AllTextContentsAsync()); // towns named
        Assert.Contains("primary_support", await page.TextContentAsync("#totals"));
        await page.ClickAsync("nav a[data-view='whatif']");
        await page.FillAsync("input[name=primary_ratio]", "20");
        await page.ClickAsync("#whatif-run");
        await page.WaitForSelectorAsync("#whatif-summary", new PageWaitForSelectorOptions { Timeout = 30_000 });
        Assert.Contains("centre rows change", await page.TextContentAsync("#whatif-summary"));
        Assert.Contains("P-SUPPORT", await page.TextContentAsync("#whatif-result"));
    }

    /// <summary>Issue 26: a number typed with a decimal comma is that number; one that reads two ways is refused, unsent.</summary>
    [Fact]
    public async Task APoolScaleTypedWithADecimalCommaIsThatNumber()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(serve.Url + "/?lang=es#whatif");
        await page.WaitForSelectorAsync("input[name=pool_scale]");
        await page.FillAsync("input[name=pool_scale]", "0,9");
        var request = await page.RunAndWaitForRequestAsync(
            () => page.ClickAsync("#whatif-run"),
            r => r.Url.Contains("/api/what-if", StringComparison.Ordinal)
        );
        var policy = System.Text.Json.JsonDocument.Parse(request.PostData!).RootElement.GetProperty("policy");
        Assert.Equal(0.9m, policy.GetProperty("pool_scale").GetDecimal());
        await page.WaitForSelectorAsync("#whatif-summary", new PageWaitForSelectorOptions { Timeout = 30_000 });
        await page.FillAsync("input[name=pool_scale]", "1,000");
        var sent = 0;
        page.Request += (_, r) =>
        {
            if (r.Url.Contains("/api/what-if", StringComparison.Ordinal))
                sent++;
        };
        await page.ClickAsync("#whatif-run");
        await page.WaitForSelectorAsync("#whatif-result .error");
        var error = await page.TextContentAsync("#whatif-result .error");
        Assert.Contains("se lee de dos maneras, 1 o 1000", error);
        Assert.Equal(0, sent);
    }

    [Fact]
    public async Task AnUnknownCentreSaysSoAndThePageBreaksNoPolicy()
    {
        var page = await Browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
                errors.Add(m.Text);
        };
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(serve.Url + "/#centre/NOPE");
        await page.WaitForSelectorAsync("#results li");
        Assert.Contains("No such centre: NOPE", await page.TextContentAsync("#results"));
        var areas = await Browser.NewPageAsync();
        areas.Console += (_, m) =>
        {
            if (m.Type == "error")
                errors.Add(m.Text);
        };
        await areas.GotoAsync(serve.Url + "/#areas");
        await areas.WaitForSelectorAsync("#totals tbody tr");
        Assert.DoesNotContain(errors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => !e.Contains("404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheAddressIsTheStateBackAndEditedHashShowTheCardTheyName()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(serve.Url + "/#centre/28002956");
        await Until(async () => (await page.TextContentAsync("#card-title"))?.StartsWith("28002956") == true);
        await page.GotoAsync(serve.Url + "/#centre/28000029");
        await Until(async () => (await page.TextContentAsync("#card-title"))?.StartsWith("28000029") == true);
        await page.GoBackAsync();
        await Until(async () => (await page.TextContentAsync("#card-title"))?.StartsWith("28002956") == true);
    }

    [Fact]
    public async Task TheSearchPlaceholderNamesACentreOfTheServedScenario()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(serve.Url);
        await Until(async () => (await page.GetAttributeAsync("#q", "placeholder"))?.StartsWith("e.g. 28") == true);
        var placeholder = await page.GetAttributeAsync("#q", "placeholder");
        var code = placeholder!.Split(' ')[1].TrimEnd(',');
        Assert.NotNull(Staffing.Io.ScenarioReader.Read(Support.Sample).Find(code));
    }

    [Fact]
    public async Task TheRegionViewFiltersByAreaKindAndShortfall()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(serve.Url + "/#region");
        await page.WaitForSelectorAsync("#region-centres tbody tr");
        Assert.Equal("40 centres", await page.TextContentAsync("#region-count"));
        Assert.Matches("posts|plazas", await page.TextContentAsync("#region-totals"));
        await page.SelectOptionAsync("#f-area", "Madrid-Este");
        await Until(async () => (await page.TextContentAsync("#region-count")) != "40 centres");
        var areas = await page.Locator("#region-centres tbody tr td:nth-child(4)").AllTextContentsAsync();
        Assert.All(areas, a => Assert.Equal("Madrid-Este", a));
        await page.CheckAsync("#f-short");
        await page.SelectOptionAsync("#f-kind", "CEIP");
        await Until(async () => (await page.Locator("#region-centres tbody tr:not(.short)").CountAsync()) == 0);
        var kinds = await page.Locator("#region-centres tbody tr td:nth-child(5)").AllTextContentsAsync();
        Assert.NotEmpty(kinds);
        Assert.All(kinds, k => Assert.Equal("CEIP", k));
        await page.ClickAsync("#region-centres tbody tr a");
        await page.WaitForSelectorAsync("#card:not([hidden])");
    }

    [Fact]
    public async Task TheEoepWeekShowsEachPersonsCentresByName()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(serve.Url + "/#eoep");
        await page.WaitForSelectorAsync("#eoep-week tbody tr");
        var week = await page.TextContentAsync("#eoep-week");
        Assert.Contains("EG-ALCALA-psy-1", week);
        Assert.Contains("DAOIZ Y VELARDE", week);
        var teams = await page.Locator("#eoep-team option").AllInnerTextsAsync();
        Assert.True(teams.Count > 1);
        Assert.StartsWith("EQUIPO GENERAL ALCALA DE HENARES · EG-ALCALA", teams[0]); // the team by its name
        var second = await page.Locator("#eoep-team option").Nth(1).GetAttributeAsync("value");
        await page.SelectOptionAsync("#eoep-team", new SelectOptionValue { Index = 1 });
        await page.WaitForURLAsync("**/#eoep/*");
        await Until(async () => (await page.TextContentAsync("#eoep-week"))!.Contains(second + "-psy-1"));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task AtPhoneWidthThePageNeverScrollsSidewaysInEitherLanguage(string language)
    {
        var context = await Browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 390, Height = 844 },
                BypassCSP = true,
            }
        );
        var page = await context.NewPageAsync();
        foreach (var view in new[] { "#region", "#eoep", "#centre/28002956", "#areas" })
        {
            await page.GotoAsync(serve.Url + "/?lang=" + language + view);
            await page.WaitForSelectorAsync("main section:not([hidden]) table tbody tr");
            await Until(async () => await page.GetAttributeAsync("html", "lang") == language);
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"{view}: the page is {width} px wide at 390");
            // No word broken inside: no cell may break within a word.
            var breaking = await page.EvaluateAsync<int>(
                "[...document.querySelectorAll('main section:not([hidden]) td, main section:not([hidden]) th')].filter(c => { const s = getComputedStyle(c); return s.wordBreak === 'break-all' || s.wordBreak === 'break-word' || s.overflowWrap === 'anywhere'; }).length"
            );
            Assert.Equal(0, breaking);
        }
        // The card keeps the regulation's own words on a phone, folded under the column's name.
        await page.GotoAsync(serve.Url + "/#centre/28002956");
        await page.WaitForSelectorAsync("#trace tbody tr");
        Assert.True(await page.Locator("#trace td[lang=es]").First.IsVisibleAsync());
        Assert.NotNull(await page.Locator("#trace td[lang=es]").First.GetAttributeAsync("data-label"));
    }

    [Fact]
    public async Task AWhatIfLinkReproducesItAndItsComparisonDownloads()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(serve.Url + "/#whatif?primary_ratio=20");
        await page.WaitForSelectorAsync("#whatif-summary", new PageWaitForSelectorOptions { Timeout = 30_000 });
        Assert.Equal("20", await page.InputValueAsync("input[name=primary_ratio]"));
        Assert.Equal("25", await page.InputValueAsync("input[name=priority_threshold]")); // a share as a percentage
        var panel = await page.TextContentAsync("#whatif-parameters");
        Assert.Contains("compensatory primary pupils per support post", panel);
        Assert.Contains("Octava a", panel);
        Assert.Contains("primary_ratio=20", await page.GetAttributeAsync("#whatif-link", "href"));
        var result = await page.TextContentAsync("#whatif-result");
        var code = (await page.TextContentAsync("#whatif-result a[href^='#centre/']"))!;
        Assert.Contains(Staffing.Io.ScenarioReader.Read(Support.Sample).Find(code)!.Name, result); // names beside codes
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#whatif-xlsx"));
        Assert.Equal("what-if.xlsx", xlsx.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await xlsx.PathAsync())!);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#whatif-csv"));
        var text = await File.ReadAllTextAsync((await csv.PathAsync())!);
        Assert.StartsWith("code;resource;base_entitled", text.TrimStart('\uFEFF'));
        await page.ClickAsync("#whatif-result a[href^='#centre/']");
        await page.WaitForSelectorAsync("#card:not([hidden])");
    }

    [Fact]
    public async Task TheLanguageSwitchShowsTheVocabularyInSpanishOrEnglish()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(serve.Url + "/#centre/28002956");
        await page.WaitForSelectorAsync("#card:not([hidden])");
        await page.ClickAsync("#lang button[data-lang=es]");
        await Until(async () =>
            (await page.TextContentAsync("#resources"))!.Contains("maestro de apoyo de compensación educativa")
        );
        Assert.Equal("es", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("primary_support", await page.TextContentAsync("#resources")); // the file's name stays beside
        await page.ClickAsync("#lang button[data-lang=en]");
        await Until(async () => (await page.TextContentAsync("#resources"))!.Contains("primary support teacher"));
        await page.ReloadAsync(); // the choice is kept
        await page.WaitForSelectorAsync("#card:not([hidden])");
        await Until(async () => (await page.TextContentAsync("#resources"))!.Contains("primary support teacher"));
        await page.GotoAsync(serve.Url + "/#region");
        await page.ClickAsync("#lang button[data-lang=es]");
        await Until(async () => (await page.TextContentAsync("#region-totals"))!.Contains("días de EOEP a la semana"));
    }

    [Fact]
    public async Task InSpanishEveryTextOfTheCardIsSpanishTheRulesReasonsAndLabelsToo()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(serve.Url + "/#centre/28002956");
        await page.WaitForSelectorAsync("#card:not([hidden])");
        await page.ClickAsync("#lang button[data-lang=es]");
        await Until(async () => (await page.TextContentAsync("#trace"))!.Contains("no imparte ESO"));
        Assert.Equal("Centro", await page.TextContentAsync("nav a[data-view=centre]"));
        Assert.Equal("Dotación y plan", await page.TextContentAsync("#card h3"));
        var card = (await page.TextContentAsync("#card"))!;
        Assert.Contains("acabaría con su condición de centro de actuación preferente", card); // cliff edges
        Assert.Contains("interpretación adoptada por el proyecto", card, StringComparison.OrdinalIgnoreCase);
        foreach (var english in new[] { "would end", "Reading chosen", "teaches no", "pool short", "compensatory of" })
            Assert.DoesNotContain(english, card);
        await page.GotoAsync(serve.Url + "/#eoep");
        await Until(async () => (await page.TextContentAsync("#eoep-week thead"))!.Contains("miércoles"));
        await page.GotoAsync(serve.Url + "/#whatif?primary_ratio=20");
        await Until(async () => (await page.TextContentAsync("#whatif-summary") ?? "").Contains("filas de centro"));
        Assert.Contains("alumnos de compensación educativa de primaria por plaza de apoyo", await page.TextContentAsync("#whatif-parameters"));
    }

    /// <summary>Every view of the page, in Spanish: what a person sees holds no bare code, English word or decimal point.</summary>
    [Fact]
    public async Task InSpanishNoViewOfThePageShowsACodeAnEnglishWordOrADecimalPoint()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(serve.Url + "/?lang=es#centre/28002956");
        await page.WaitForSelectorAsync("#card:not([hidden])");
        await Until(async () => (await page.TextContentAsync("#trace"))!.Contains("no imparte ESO"));
        var seen = new List<(string, string)> { ("centre", await page.InnerTextAsync("main")) };
        foreach (var (view, ready) in new[] { ("region", "#region-centres tbody tr"), ("areas", "#totals tbody tr"), ("eoep", "#eoep-week tbody tr") })
        {
            await page.GotoAsync(serve.Url + "/?lang=es#" + view);
            await page.WaitForSelectorAsync(ready);
            seen.Add((view, await page.InnerTextAsync("main")));
        }
        await page.GotoAsync(serve.Url + "/?lang=es#whatif?primary_ratio=20");
        await Until(async () => (await page.TextContentAsync("#whatif-summary") ?? "").Contains("filas de centro"));
        seen.Add(("whatif", await page.InnerTextAsync("main")));
        var found = seen.SelectMany(v =>
                Staffing.Tests.Cli.ReaderLanguageScanTests.Findings(
                    v.Item1,
                    v.Item2,
                    Staffing.Tests.Cli.ReaderLanguageScanTests.BareCode(),
                    Staffing.Tests.Cli.ReaderLanguageScanTests.EnglishWord(),
                    Staffing.Tests.Cli.ReaderLanguageScanTests.DottedNumber()
                )
            )
            .ToList();
        Assert.True(found.Count == 0, $"{found.Count} findings:\n" + string.Join("\n", found.Take(30)));
    }
}
