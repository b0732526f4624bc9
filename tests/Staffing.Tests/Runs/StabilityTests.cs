using static Staffing.Tests.Support;

namespace Staffing.Tests.Runs;

/// <summary>Issue 27: a re-plan keeps every decision of its parent that the pins and the pools do not force to change.</summary>
public class StabilityTests
{
    private static HashSet<(string, string, string)> Pairs(string folder) =>
    [
        .. File.ReadAllLines(Path.Combine(folder, "itinerants.csv"))
            .Skip(1)
            .Select(l => l.Split(','))
            .SelectMany(f =>
            {
                var cs = new[] { f[2], f[3], f[4] }.Where(c => c.Length > 0).ToList();
                return cs.SelectMany(a => cs.Where(b => string.CompareOrdinal(a, b) < 0).Select(b => (a, b, f[1])));
            }),
    ];

    private static Dictionary<(string, string), string> Allocations(string folder) =>
        File.ReadAllLines(Path.Combine(folder, "plan.csv"))
            .Skip(1)
            .Select(l => l.Split(','))
            .ToDictionary(f => (f[0], f[1]), f => f[3]);

    [Fact]
    public void PinningOnePairOnMadridChangesOnlyWhatThePinForces()
    {
        var root = TempDir();
        var db = Path.Combine(root, "s.db");
        Assert.Equal(0, Run("plan", Path.Combine(RepoRoot, "scenarios", "madrid"), "--save", "--db", db).Exit);
        Assert.Equal(0, Run("show", "1", "--db", db, "--out", Path.Combine(root, "r1")).Exit);
        var before = Pairs(Path.Combine(root, "r1"));
        // Two teachers of the same area and stage: the first centre of each is pinned to the other's.
        var (a, b) = before
            .Where(p => p.Item3 == "primary")
            .GroupBy(p => p.Item1[..4])
            .Select(g => g.Take(2).ToList())
            .Where(g => g.Count == 2)
            .Select(g => (g[0].Item1, g[1].Item1))
            .First();
        var (exit, _, err) = Run("pin", "1", "--pair", a, b, "--db", db);
        Assert.True(exit == 0, err);
        Assert.Equal(0, Run("plan", "--from", "1", "--db", db).Exit);
        Assert.Equal(0, Run("show", "2", "--db", db, "--out", Path.Combine(root, "r2")).Exit);
        var after = Pairs(Path.Combine(root, "r2"));
        var broken = before.Except(after).ToList();
        // Only the pinned centres' own pairs break; their partners left alone pair with each other.
        Assert.All(broken, p => Assert.True(new[] { p.Item1, p.Item2 }.Intersect([a, b]).Any(), $"{p} broken"));
        Assert.True(broken.Count <= 2, string.Join("; ", broken));
        var (r1, r2) = (Allocations(Path.Combine(root, "r1")), Allocations(Path.Combine(root, "r2")));
        Assert.DoesNotContain(r1.Keys.Union(r2.Keys), k => r1.GetValueOrDefault(k, "0") != r2.GetValueOrDefault(k, "0"));
    }
}
