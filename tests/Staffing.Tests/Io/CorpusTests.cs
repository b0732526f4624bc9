using static Staffing.Tests.Support;

namespace Staffing.Tests.Io;

/// <summary>
/// The malformed-input corpus (tests/Staffing.Tests/corpus, one folder a case with its expected.txt): every case
/// gets its located message and exit code, and an existing output folder is left untouched.
/// </summary>
public class CorpusTests
{
    public static TheoryData<string> Cases =>
        [
            .. Directory
                .GetDirectories(Path.Combine(RepoRoot, "tests", "Staffing.Tests", "corpus"))
                .Select(d => Path.GetFileName(d)!)
                .Order(StringComparer.Ordinal),
        ];

    [Fact]
    public void TheCorpusHasAtLeastFiftyCases() => Assert.True(Cases.Count >= 50, $"{Cases.Count} cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public void AnsweredWithLocationAndExitCodeOutputUntouched(string name)
    {
        var source = Path.Combine(RepoRoot, "tests", "Staffing.Tests", "corpus", name);
        var dir = TempDir();
        foreach (var f in Directory.GetFiles(source).Where(f => Path.GetFileName(f) != "expected.txt"))
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        var expected = File.ReadAllLines(Path.Combine(source, "expected.txt"));
        var exit = int.Parse(
            expected.Single(l => l.StartsWith("exit: ", StringComparison.Ordinal))[6..],
            System.Globalization.CultureInfo.InvariantCulture
        );
        var extra = expected
            .Where(l => l.StartsWith("args: ", StringComparison.Ordinal))
            .SelectMany(l => l[6..].Split(' '))
            .ToArray();
        var output = Path.Combine(TempDir(), "plan");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "old.txt"), "the previous plan");
        string[] solver = extra.Contains("--solver") ? [] : ["--solver", "greedy"];
        var (code, _, err) = Run(["plan", dir, "--out", output, .. solver, .. extra]);
        Assert.True(code == exit, $"exit {code}, expected {exit}\n{err}");
        foreach (var line in expected.Where(l => l.StartsWith("stderr: ", StringComparison.Ordinal)))
            Assert.Contains(line[8..], err);
        Assert.Equal(["old.txt"], Directory.GetFiles(output).Select(f => Path.GetFileName(f)!).ToArray());
        Assert.Single(Directory.GetFileSystemEntries(Path.GetDirectoryName(output)!));
    }
}
