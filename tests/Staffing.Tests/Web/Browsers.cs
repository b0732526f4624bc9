using Microsoft.Playwright;

namespace Staffing.Tests.Web;

/// <summary>
/// The browser of the page tests: Debian's Chromium driven by Playwright (ExecutablePath, nothing downloaded).
/// .ci/run installs the browser when it is missing; these tests are never skipped.
/// </summary>
public static class Browsers
{
    public static string Chromium => Environment.GetEnvironmentVariable("STAFFING_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Debian's Chromium, headless, nothing downloaded; for every browser test class.</summary>
    public static async Task<(IPlaywright, IBrowser)> Launch()
    {
        Assert.True(File.Exists(Chromium), $"no browser at {Chromium}: apt-get install chromium (.ci/run does)");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args =
                [
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                ],
            }
        );
        return (playwright, browser);
    }

    /// <summary>
    /// Polls from the test's side: the page's CSP forbids eval, so Playwright's WaitForFunction (which evaluates a
    /// string in the page) cannot be used.
    /// </summary>
    public static async Task Until(Func<Task<bool>> condition, int tries = 200)
    {
        for (var i = 0; i < tries; i++)
        {
            if (await condition())
                return;
            await Task.Delay(50);
        }
        Assert.Fail($"the page did not reach the expected state in {tries * 50 / 1000} s");
    }
}

/// <summary>A test class of the page: one Chromium for its tests, closed after them.</summary>
public abstract class BrowserTest : IAsyncLifetime
{
    private IPlaywright playwright = null!;

    protected IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var (p, b) = await Browsers.Launch();
        (playwright, Browser) = (p, b);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
