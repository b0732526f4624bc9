using Microsoft.Playwright;
using static Staffing.Tests.Web.Browsers;

namespace Staffing.Tests.Web;

/// <summary>
/// The page in a real browser: Debian's Chromium driven by Playwright (ExecutablePath, nothing downloaded).
/// .ci/run installs the browser when it is missing; these tests are never skipped.
/// </summary>
public class BrowserTests(ServeFixture serve) : IClassFixture<ServeFixture>, IAsyncLifetime
{
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async Task InitializeAsync() => (playwright, browser) = await Launch();

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    [Fact]
    public async Task AnInspectorFindsACentreAndReadsWhy()
    {
        var page = await browser.NewPageAsync();
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
        var page = await browser.NewPageAsync(
            new BrowserNewPageOptions
            {
                ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            }
        );
        await page.GotoAsync(serve.Url + "/#areas");
        await page.WaitForSelectorAsync("#totals tbody tr");
        Assert.True(await page.Locator("#map circle").CountAsync() > 0);
        Assert.Contains("primary_support", await page.TextContentAsync("#totals"));
        await page.ClickAsync("nav a[data-view='whatif']");
        await page.FillAsync("input[name=primary_ratio]", "20");
        await page.ClickAsync("#whatif-run");
        await page.WaitForSelectorAsync("#whatif-summary", new PageWaitForSelectorOptions { Timeout = 30_000 });
        Assert.Contains("centre rows change", await page.TextContentAsync("#whatif-summary"));
        Assert.Contains("P-SUPPORT", await page.TextContentAsync("#whatif-result"));
    }

    [Fact]
    public async Task AnUnknownCentreSaysSoAndThePageBreaksNoPolicy()
    {
        var page = await browser.NewPageAsync();
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
        var areas = await browser.NewPageAsync();
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
        var page = await browser.NewPageAsync();
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
        var page = await browser.NewPageAsync();
        await page.GotoAsync(serve.Url);
        await Until(async () => (await page.GetAttributeAsync("#q", "placeholder"))?.StartsWith("e.g. 28") == true);
        var placeholder = await page.GetAttributeAsync("#q", "placeholder");
        var code = placeholder!.Split(' ')[1].TrimEnd(',');
        Assert.NotNull(Staffing.Io.ScenarioReader.Read(Support.Sample).Find(code));
    }
}
