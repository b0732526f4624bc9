using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Web;

/// <summary>Issue 27: an adopted plan reaches every centre as a printable page of its own.</summary>
public partial class NoticesTests : BrowserTest
{
    [Fact]
    public async Task TheMadridDocumentPrintsOnePageACentre()
    {
        var madrid = Path.Combine(RepoRoot, "scenarios", "madrid");
        var root = TempDir();
        var plan = Path.Combine(root, "plan");
        Assert.Equal(0, Run("plan", madrid, "--out", plan, "--solver", "greedy").Exit);
        var notices = Path.Combine(root, "notices");
        var (exit, _, err) = Run("notices", plan, "--scenario", madrid, "--out", notices, "--school-year", "2027-2028", "--lang", "es");
        Assert.True(exit == 0, err);
        var centres = File.ReadAllLines(Path.Combine(madrid, "centres.csv")).Length - 1;
        Assert.Equal(centres, Directory.GetFiles(Path.Combine(notices, "centres")).Length);
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(notices, "all.html")).AbsoluteUri);
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        var pages = PdfPage().Matches(System.Text.Encoding.Latin1.GetString(pdf)).Count;
        Assert.Equal(centres, pages);
        // Every centre with a row to staff shows it, in words, with the instruction behind it.
        var one = await File.ReadAllTextAsync(Path.Combine(notices, "centres", "28000066.html"));
        Assert.Contains("plaza compartida de maestro de apoyo itinerante (primaria)", one);
        Assert.Contains("Octava b (P-ITINERANT)", one);
        Assert.Contains("curso 2027-2028", one);
        Assert.DoesNotContain("<script", one);
    }

    [GeneratedRegex(@"/Type\s*/Page\b(?!s)")]
    private static partial Regex PdfPage();
}
