using System.Security.Cryptography;
using System.Text;

namespace Staffing.Io;

/// <summary>Scenarios: the folder's files stored once by content, read back.</summary>
public sealed partial class Workspace
{
    /// <summary>The scenario folder's files stored once, by their content: the same files twice are one scenario.</summary>
    public StoredScenario Import(string folder, string who)
    {
        var (files, hash) = Files(folder);
        var name = System.IO.Path.GetFileName(
            System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(folder))
        );
        return Guard(() =>
        {
            using var c = Connect();
            using var tx = c.BeginTransaction(deferred: false);
            if (FindScenario(c, "hash = $h", ("$h", hash), tx) is { } known)
                return known;
            var id = Insert(
                c,
                tx,
                "INSERT INTO scenario (hash, name, imported_at, imported_by) VALUES ($h, $n, $t, $w) RETURNING id",
                ("$h", hash),
                ("$n", name),
                ("$t", Now()),
                ("$w", who)
            );
            foreach (var (file, content) in files)
                Insert(
                    c,
                    tx,
                    "INSERT INTO scenario_file (scenario_id, name, content) VALUES ($s, $n, $c)",
                    ("$s", id),
                    ("$n", file),
                    ("$c", content)
                );
            tx.Commit();
            return FindScenario(c, "id = $id", ("$id", id))!;
        });
    }

    /// <summary>The scenario a folder's files are, if imported.</summary>
    public StoredScenario? Find(string folder)
    {
        var hash = Files(folder).Hash;
        return Guard(() =>
        {
            using var c = Connect();
            return FindScenario(c, "hash = $h", ("$h", hash));
        });
    }

    public StoredScenario? Scenario(long id) =>
        Guard(() =>
        {
            using var c = Connect();
            return FindScenario(c, "id = $id", ("$id", id));
        });

    public IReadOnlyList<StoredScenario> Scenarios() =>
        Guard(() =>
        {
            using var c = Connect();
            return Query(c, "SELECT id, hash, name, imported_at, imported_by FROM scenario ORDER BY id", ReadScenario);
        });

    /// <summary>The scenario's stored files by name, as they were imported.</summary>
    public IReadOnlyDictionary<string, byte[]> StoredFiles(long scenarioId) =>
        Guard(() =>
        {
            using var c = Connect();
            return Query(
                    c,
                    "SELECT name, content FROM scenario_file WHERE scenario_id = $s ORDER BY name",
                    r => (Name: StoredFileName(r.Text("name")), Content: (byte[])r["content"]),
                    ("$s", scenarioId)
                )
                .ToDictionary(f => f.Name, f => f.Content, StringComparer.Ordinal);
        });

    /// <summary>Writes the scenario's stored files into a folder (show --scenario: a copy a planner can open).</summary>
    public void WriteFiles(long scenarioId, string folder)
    {
        foreach (var (name, content) in StoredFiles(scenarioId).OrderBy(f => f.Key, StringComparer.Ordinal))
            File.WriteAllBytes(System.IO.Path.Combine(folder, name), content);
    }

    /// <summary>The folder's scenario files as they are, and their content hash (names and bytes).</summary>
    private static (List<(string Name, byte[] Content)> Files, string Hash) Files(string folder)
    {
        var files = ScenarioFiles
            .Select(n => (Name: n, Path: System.IO.Path.Combine(folder, n)))
            .Where(f => File.Exists(f.Path))
            .Select(f => (f.Name, Content: File.ReadAllBytes(f.Path)))
            .ToList();
        return (files, Hash(files));
    }

    private static string Hash(List<(string Name, byte[] Content)> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, content) in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"{name}\0{content.Length}\0"));
            sha.AppendData(content);
        }
        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
