using System.Text.RegularExpressions;
using static Staffing.Tests.Support;

namespace Staffing.Tests;

/// <summary>The house: the domain has no package, and no two namespaces of the product import each other.</summary>
public partial class LayerTests
{
    [Fact]
    public void TheDomainProjectHasNoPackageReference()
    {
        var project = File.ReadAllText(Path.Combine(RepoRoot, "src", "Staffing.Domain", "Staffing.Domain.csproj"));
        Assert.DoesNotContain("PackageReference", project);
        Assert.DoesNotContain("ProjectReference", project);
    }

    [Fact]
    public void OrToolsIsReferencedByTheSolverOnly()
    {
        foreach (
            var project in Directory.GetFiles(Path.Combine(RepoRoot, "src"), "*.csproj", SearchOption.AllDirectories)
        )
            if (!project.EndsWith("Staffing.Solver.csproj", StringComparison.Ordinal))
                Assert.DoesNotContain("Google.OrTools", File.ReadAllText(project));
    }

    [Fact]
    public void NoNamespaceCycles()
    {
        var files = Directory
            .GetFiles(Path.Combine(RepoRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f =>
                !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            )
            .Select(File.ReadAllText);
        Assert.Empty(Cycles(files.Concat(GeneratedClasses())));
    }

    /// <summary>The classes the build generates from resource files, declared where the project file says.</summary>
    private static IEnumerable<string> GeneratedClasses() =>
        Directory
            .GetFiles(Path.Combine(RepoRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .SelectMany(p => GeneratedClass().Matches(File.ReadAllText(p)))
            .Select(m => $"namespace {m.Groups[1].Value};\nclass {m.Groups[2].Value} {{ }}");

    /// <summary>No product type takes the name of a framework type every file sees (System, System.IO, ...).</summary>
    [Fact]
    public void NoTypeShadowsAFrameworkType()
    {
        string[] imported = ["System", "System.IO", "System.Threading", "System.Threading.Tasks", "System.Collections.Generic", "System.Linq", "System.Net.Http"];
        var framework = new[] { typeof(object), typeof(Console), typeof(Enumerable), typeof(List<>), typeof(File), typeof(System.Net.Http.HttpClient) }
            .Select(t => t.Assembly)
            .Distinct()
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => imported.Contains(t.Namespace))
            .Select(t => t.Name) // with its arity: Comparison<T> is not Comparison
            .ToHashSet(StringComparer.Ordinal);
        var product = new[] { typeof(Staffing.Domain.Centre), typeof(Staffing.Io.CsvFile), typeof(Staffing.Allocation.Reasons), typeof(Staffing.Cli.Localization.Explain) }
            .SelectMany(t => t.Assembly.GetTypes())
            .Where(t => t.Namespace?.StartsWith("Staffing", StringComparison.Ordinal) == true && !t.IsNested && !t.Name.StartsWith('<'))
            .Where(t => framework.Contains(t.Name))
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(product);
    }

    /// <summary>The test of the test: a name qualified from a sibling namespace ("Commands.CompareCommand") is seen.</summary>
    [Fact]
    public void AReferenceFromWebToCommandsAndBackIsACycle()
    {
        string[] sources =
        [
            "namespace Staffing.Cli.Web;\nclass ServeApp { void F() => Commands.CompareCommand.WriteTables(); }",
            "namespace Staffing.Cli.Commands;\nusing Staffing.Cli.Web;\nclass CompareCommand { }",
        ];
        Assert.Contains("Staffing.Cli.Web <-> Staffing.Cli.Commands", Cycles(sources));
        Assert.Empty(Cycles([sources[0], "namespace Staffing.Cli.Commands;\nclass CompareCommand { }"]));
    }

    /// <summary>
    /// The test of the test: a type of an enclosing namespace is seen without a using line ("Words" inside
    /// Staffing.Cli.Commands is Staffing.Cli.Words), so the root that composes the commands cannot also serve them.
    /// </summary>
    [Fact]
    public void ATypeOfAnEnclosingNamespaceUsedWithoutAUsingIsAReference()
    {
        string[] sources =
        [
            "namespace Staffing.Cli;\nusing Staffing.Cli.Commands;\nclass App { }",
            "namespace Staffing.Cli;\nclass Words { }",
            "namespace Staffing.Cli.Commands;\nclass PlanCommand { string F() => Words.Of(); }",
        ];
        Assert.Contains("Staffing.Cli.Commands <-> Staffing.Cli", Cycles(sources));
        Assert.Empty(Cycles([.. sources[..2], "namespace Staffing.Cli.Commands;\nclass PlanCommand { }"]));
    }

    /// <summary>
    /// The pairs of namespaces of the product that reach each other: through a using line, a fully qualified name,
    /// or a name qualified from an enclosing namespace ("Commands.X" inside Staffing.Cli.Web means
    /// Staffing.Cli.Commands.X).
    /// </summary>
    private static List<string> Cycles(IEnumerable<string> sources)
    {
        var files = sources.Where(t => NamespaceLine().IsMatch(t)).ToList();
        var namespaces = files.Select(t => NamespaceLine().Match(t).Groups[1].Value).ToHashSet();
        var declared = files
            .SelectMany(t => Declared().Matches(t).Select(m => (Namespace: NamespaceLine().Match(t).Groups[1].Value, Type: m.Groups[1].Value)))
            .GroupBy(d => d.Namespace)
            .ToDictionary(g => g.Key, g => g.Select(d => d.Type).ToHashSet(StringComparer.Ordinal));
        // A qualified name refers to the longest declared namespace it starts with.
        string? NamespaceOf(string name)
        {
            for (var n = name; n.Contains('.', StringComparison.Ordinal); n = n[..n.LastIndexOf('.')])
                if (namespaces.Contains(n))
                    return n;
            return null;
        }
        var edges = new Dictionary<string, HashSet<string>>();
        foreach (var text in files)
        {
            var from = NamespaceLine().Match(text).Groups[1].Value;
            var to = edges.TryGetValue(from, out var set) ? set : edges[from] = [];
            foreach (Match m in UsingLine().Matches(text))
                to.Add(m.Groups[1].Value);
            // A name inside a string literal (a resource's base name) is no reference.
            var code = StringLiteral().Replace(UsingLine().Replace(NamespaceLine().Replace(text, ""), ""), "\"\"");
            foreach (Match m in Qualified().Matches(code))
                if (NamespaceOf(m.Value) is { } n)
                    to.Add(n);
            foreach (Match m in Relative().Matches(code))
                for (var outer = from; outer.Length > 0; outer = outer.Contains('.') ? outer[..outer.LastIndexOf('.')] : "")
                    if (NamespaceOf(outer + "." + m.Value) is { } n && n.StartsWith(outer + ".", StringComparison.Ordinal))
                    {
                        to.Add(n);
                        break;
                    }
            // A type of an enclosing namespace needs no using line.
            var words = Word().Matches(code).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
            for (var outer = Parent(from); outer.Length > 0; outer = Parent(outer))
                if (declared.TryGetValue(outer, out var types) && types.Overlaps(words))
                    to.Add(outer);
            to.Remove(from);
        }
        bool Reaches(string a, string b, HashSet<string> seen) =>
            edges.GetValueOrDefault(a)?.Any(n => n == b || (seen.Add(n) && Reaches(n, b, seen))) ?? false;
        return [.. edges.SelectMany(e => e.Value.Where(to => Reaches(to, e.Key, [])).Select(to => $"{e.Key} <-> {to}"))];
    }

    [Fact]
    public void NothingInTheRepositoryLinksOutsideIt()
    {
        var offenders = new[] { "README.md", "docs", "scenarios", "src", "benchmarks" }
            .SelectMany(p =>
                File.Exists(Path.Combine(RepoRoot, p))
                    ? [Path.Combine(RepoRoot, p)]
                    : Directory.GetFiles(Path.Combine(RepoRoot, p), "*.*", SearchOption.AllDirectories)
            )
            .Where(f => Path.GetExtension(f) is ".md" or ".cs" or ".json" or ".html" or ".js")
            .Where(f =>
                !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            )
            .Where(f => File.ReadAllText(f).Contains("../shared", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepoRoot, f));
        Assert.Empty(offenders);
    }

    private static string Parent(string ns) => ns.Contains('.', StringComparison.Ordinal) ? ns[..ns.LastIndexOf('.')] : "";

    [GeneratedRegex(@"""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\b(?:class|record|struct|enum|interface)\s+(\w+)")]
    private static partial Regex Declared();

    [GeneratedRegex(@"(?<![\w.])[A-Z]\w*")]
    private static partial Regex Word();

    [GeneratedRegex(@"<StronglyTypedNamespace>([\w.]+)</StronglyTypedNamespace>\s*<StronglyTypedClassName>(\w+)</StronglyTypedClassName>")]
    private static partial Regex GeneratedClass();

    [GeneratedRegex(@"^namespace (Staffing[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^using (Staffing[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"\bStaffing(\.\w+)+")]
    private static partial Regex Qualified();

    [GeneratedRegex(@"(?<![\w.])[A-Z]\w*(\.[A-Z]\w*)+")]
    private static partial Regex Relative();
}
