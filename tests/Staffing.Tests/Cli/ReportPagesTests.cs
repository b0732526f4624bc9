using System.Text.RegularExpressions;
using Staffing.Cli.Reports;
using Staffing.Io;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Cli;

/// <summary>A large region's report: an index and pages of its areas' centres, each page small, no script needed.</summary>
public partial class ReportPagesTests
{
    private static readonly ReportLayout Small = new(OnePageCentres: 5, CentresPerPage: 4);

    private static (string Plan, Scenario Scenario) Planned()
    {
        var plan = Path.Combine(TempDir(), "plan");
        Assert.Equal(0, Run("plan", Sample, "--out", plan).Exit);
        return (plan, ScenarioReader.Read(Sample));
    }

    [Fact]
    public void ALargeRegionIsAnIndexAndPagesHoldingEachCentreOnceWithItsTrace()
    {
        var (plan, s) = Planned();
        var dir = TempDir();
        var html = Path.Combine(dir, "r.html");
        new Report(plan, s, null, Small).Html(new AtomicFolder.Target(html, "report", [plan, Sample]));

        var index = File.ReadAllText(html);
        Assert.DoesNotContain("<details", index);
        Assert.DoesNotContain("<script", index);
        var pages = Directory.GetFiles(Path.Combine(dir, "r-pages"), "*.html").Order(StringComparer.Ordinal).ToList();
        Assert.True(File.Exists(Path.Combine(dir, "r-pages", AtomicFolder.Marker)));
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var text = File.ReadAllText(page);
            Assert.Contains($"r-pages/{Path.GetFileName(page)}", index);
            Assert.Contains("href=\"../r.html\"", text);
            Assert.DoesNotContain("<script", text);
            var codes = SpanishCentre().Matches(text).Select(m => m.Groups[1].Value).ToList();
            Assert.InRange(codes.Count, 1, Small.CentresPerPage);
            foreach (var code in codes)
            {
                seen[code] = seen.GetValueOrDefault(code) + 1;
                Assert.Contains($"id=\"en-c-{code}\"", text);
                Assert.Equal(s.Find(code)!.Area, s.Find(codes[0])!.Area); // a page holds one area's centres
            }
            Assert.Contains("P-SUPPORT", text); // the traces are there
        }
        var planned = File.ReadLines(Path.Combine(plan, "plan.csv")).Skip(1).Select(l => l.Split(',')[0]).ToHashSet();
        Assert.Equal(planned.Order(StringComparer.Ordinal), seen.Keys.Order(StringComparer.Ordinal));
        Assert.All(seen.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public void ARegionOfOnePageKeepsEveryCentreOnIt()
    {
        var (plan, s) = Planned();
        var dir = TempDir();
        var html = Path.Combine(dir, "r.html");
        new Report(plan, s, null).Html(new AtomicFolder.Target(html, "report", [plan, Sample]));
        Assert.Contains("<details", File.ReadAllText(html));
        Assert.False(Directory.Exists(Path.Combine(dir, "r-pages")));
    }

    [Fact]
    public void AFolderThePagesWouldReplaceThatTheProgramDidNotWriteIsKept()
    {
        var (plan, s) = Planned();
        var dir = TempDir();
        var mine = Directory.CreateDirectory(Path.Combine(dir, "r-pages")).FullName;
        File.WriteAllText(Path.Combine(mine, "notes.txt"), "mine");
        var html = Path.Combine(dir, "r.html");
        Assert.Throws<InputException>(() =>
            new Report(plan, s, null, Small).Html(new AtomicFolder.Target(html, "report", [plan, Sample]))
        );
        Assert.Equal("mine", File.ReadAllText(Path.Combine(mine, "notes.txt")));
        Assert.Single(Directory.GetFiles(mine));
        Assert.False(File.Exists(html));
    }

    [GeneratedRegex("<details id=\"es-c-([^\"]+)\"")]
    private static partial Regex SpanishCentre();
}
