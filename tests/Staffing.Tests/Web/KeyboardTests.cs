using Microsoft.Playwright;
using static Staffing.Tests.Web.Browsers;

namespace Staffing.Tests.Web;

/// <summary>Issue 27: a planner with a keyboard alone pins, re-plans and adopts, and always sees where the focus is.</summary>
public class KeyboardTests : BrowserTest
{
    /// <summary>Tab until the element is focused (the test's context sets the page's CSP aside to ask which is).</summary>
    private static async Task TabTo(IPage page, string selector)
    {
        for (var i = 0; i < 120; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => !!document.activeElement && document.activeElement.matches(s)", selector))
            {
                var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
                Assert.NotEqual("none", outline);
                return;
            }
        }
        Assert.Fail($"{selector} cannot be reached with Tab");
    }

    [Fact]
    public async Task APlannerPinsReplansAndAdoptsWithTheKeyboardAlone()
    {
        var serve = new WorkspaceFixture();
        await serve.InitializeAsync();
        try
        {
            var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true });
            var page = await context.NewPageAsync();
            await page.GotoAsync(serve.LocalUrl + "/#centre/28002944");
            await page.WaitForSelectorAsync("#pins:not([hidden])");
            await TabTo(page, "#pin-amount");
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync("1");
            await page.Keyboard.PressAsync("Enter");
            await Until(async () => (await page.TextContentAsync("#pin-list"))!.Contains("28002944"));
            await TabTo(page, "#card-replan");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync("**/#run/2", new PageWaitForURLOptions { Timeout = 60_000 });
            await Until(async () => (await page.TextContentAsync("#run-title"))!.Contains("Run 2"));
            await TabTo(page, "#adopt");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#adopt-confirm:not([hidden])");
            await page.Keyboard.TypeAsync("agreed by telephone");
            await TabTo(page, "#adopt-yes");
            await page.Keyboard.PressAsync("Enter");
            await Until(async () => (await page.TextContentAsync("#adopt-message"))!.Contains("Adopted"));
            await context.CloseAsync();
        }
        finally
        {
            await serve.DisposeAsync();
        }
    }
}
