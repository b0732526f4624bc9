using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Staffing.Tests.Web.Browsers;

namespace Staffing.Tests.Web;

/// <summary>
/// WCAG 2.1 AA (Real Decreto 1112/2018 asks it of the public sector): axe on every view of the page, at a desk and
/// at a phone's 390 px, in Spanish and English, finds no violation.
/// </summary>
public class AccessibilityTests(ServeFixture serve) : BrowserTest, IClassFixture<ServeFixture>
{
    private static readonly string[] Views = ["centre/28002956", "region", "areas", "eoep", "whatif"];

    [Theory]
    [InlineData("es", 1280)]
    [InlineData("en", 1280)]
    [InlineData("es", 390)]
    [InlineData("en", 390)]
    public async Task EveryViewHasNoAxeViolation(string language, int width)
    {
        // axe is injected by evaluation, which the page's own CSP forbids; the test's context sets it aside.
        var context = await Browser.NewContextAsync(
            new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = width, Height = 900 } }
        );
        var page = await context.NewPageAsync();
        var found = new List<string>();
        foreach (var view in Views)
        {
            await page.GotoAsync($"{serve.Url}/?lang={language}#{view}");
            await page.WaitForSelectorAsync(view.StartsWith("centre", StringComparison.Ordinal) ? "#card:not([hidden])" : $"#view-{view}:not([hidden])");
            await Task.Delay(300);
            var result = await page.RunAxe(Options);
            found.AddRange(
                result.Violations.Select(v =>
                    $"{view}: {v.Id} ×{v.Nodes.Length}: {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}"
                )
            );
        }
        await context.CloseAsync();
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    /// <summary>The workspace's views too: the runs, one run with its adoption panel open.</summary>
    [Theory]
    [InlineData("es", 1280)]
    [InlineData("en", 1280)]
    [InlineData("es", 390)]
    [InlineData("en", 390)]
    public async Task TheRunsViewsHaveNoAxeViolation(string language, int width)
    {
        var workspace = new WorkspaceFixture();
        await workspace.InitializeAsync();
        try
        {
            var context = await Browser.NewContextAsync(
                new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = width, Height = 900 } }
            );
            var page = await context.NewPageAsync();
            var found = new List<string>();
            await page.GotoAsync($"{workspace.LocalUrl}/?lang={language}#runs");
            await page.WaitForSelectorAsync("#runs tbody tr");
            found.AddRange((await page.RunAxe(Options)).Violations.Select(v => $"runs: {v.Id} ×{v.Nodes.Length}"));
            await page.GotoAsync($"{workspace.LocalUrl}/?lang={language}#run/1");
            await page.WaitForSelectorAsync("#adopt:not([disabled])");
            await page.ClickAsync("#adopt");
            await page.WaitForSelectorAsync("#adopt-confirm:not([hidden])");
            found.AddRange((await page.RunAxe(Options)).Violations.Select(v => $"run: {v.Id} ×{v.Nodes.Length}: {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}"));
            await context.CloseAsync();
            Assert.True(found.Count == 0, string.Join("\n", found));
        }
        finally
        {
            await workspace.DisposeAsync();
        }
    }

    private static readonly Deque.AxeCore.Commons.AxeRunOptions Options = new()
    {
        RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };
}
