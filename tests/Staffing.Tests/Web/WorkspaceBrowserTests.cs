using Microsoft.Playwright;
using static Staffing.Tests.Web.Browsers;

namespace Staffing.Tests.Web;

/// <summary>The planner's workspace in a real browser: pin, re-plan, see what moved, adopt, reload and find it adopted.</summary>
public class WorkspaceBrowserTests(WorkspaceFixture serve) : BrowserTest, IClassFixture<WorkspaceFixture>
{
    [Fact]
    public async Task APlannerPinsTwoCentresReplansSeesWhatMovedAndAdopts()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(serve.LocalUrl + "/#centre/28002944");
        await page.WaitForSelectorAsync("#pins:not([hidden])");
        Assert.Contains("Run 1", await page.TextContentAsync("#current-run"));
        await page.SelectOptionAsync("#pin-resource", "primary_support");
        await page.FillAsync("#pin-amount", "2");
        await page.ClickAsync("#pin-allocation");
        await Until(async () => (await page.TextContentAsync("#pin-list"))!.Contains("28002944 primary_support = 2"));

        await page.GotoAsync(serve.LocalUrl + "/#centre/28003328");
        await Until(async () => (await page.TextContentAsync("#card-title"))!.StartsWith("28003328"));
        await page.WaitForSelectorAsync("#pins:not([hidden])");
        await page.SelectOptionAsync("#pin-resource", "primary_itinerant");
        await page.FillAsync("#pin-partner", "28002026");
        await page.ClickAsync("#pin-pair");
        await Until(async () => (await page.TextContentAsync("#pin-list"))!.Contains("28003328 paired with 28002026"));

        await page.ClickAsync("#card-replan");
        await page.WaitForURLAsync("**/#run/2", new PageWaitForURLOptions { Timeout = 60_000 });
        await Until(async () => (await page.TextContentAsync("#diff-parent"))!.Contains("28002944"), tries: 600);
        var diff = await page.TextContentAsync("#diff-parent");
        Assert.Contains("gains", diff);
        Assert.Contains("loses", diff); // the pool did not grow: someone else gives the post up
        Assert.Contains("28002026", diff); // joins the teacher
        Assert.Contains("a pin", diff); // each change says whether a pin forced it
        Assert.Contains("the pool and the rules", diff); // or the pool did
        Assert.Contains("Run 2", await page.TextContentAsync("#run-title"));

        // Adoption is deliberate: what it replaces is said, and a note is asked for before it happens.
        await page.ClickAsync("#adopt");
        await page.WaitForSelectorAsync("#adopt-confirm:not([hidden])");
        Assert.Contains("No run of this scenario is adopted yet", await page.TextContentAsync("#adopt-replaces"));
        await page.FillAsync("#adopt-note", "");
        await page.ClickAsync("#adopt-yes");
        await Until(async () => (await page.TextContentAsync("#adopt-message"))!.Contains("note first"));
        await page.FillAsync("#adopt-note", "agreed with the inspectorate");
        await page.ClickAsync("#adopt-yes");
        await Until(async () => (await page.TextContentAsync("#adopt-message"))!.Contains("Adopted"));

        await page.ReloadAsync();
        await page.GotoAsync(serve.LocalUrl + "/#runs");
        await page.WaitForSelectorAsync("#runs tbody tr.adopted");
        Assert.Equal("2", (await page.TextContentAsync("#runs tbody tr.adopted td"))!.Trim());
        Assert.Contains("Run 2", await page.TextContentAsync("#current-run")); // the adopted run is the one shown
        await page.GotoAsync(serve.LocalUrl + "/#run/2");
        await Until(async () => (await page.TextContentAsync("#run-locks"))!.Contains("28002944"));
        Assert.Contains(
            "28003328 primary_itinerant = 1 (partner 28002026)",
            await page.TextContentAsync("#run-locks")
        );
        Assert.True(await page.IsDisabledAsync("#adopt"));
        // Going back to run 1 says what adopting it would replace, and what moves between the two.
        await page.GotoAsync(serve.LocalUrl + "/#run/1");
        await Until(async () => (await page.TextContentAsync("#run-title"))!.Contains("Run 1"));
        await page.ClickAsync("#adopt");
        await page.WaitForSelectorAsync("#adopt-confirm:not([hidden])");
        var replaces = (await page.TextContentAsync("#adopt-replaces"))!;
        Assert.Contains("This replaces run 2", replaces);
        Assert.Contains("change", replaces);
        await page.ClickAsync("#adopt-no");
        Assert.True(await page.IsHiddenAsync("#adopt-confirm"));
    }
}
