namespace Staffing.Io;

/// <summary>
/// A path as the kernel would walk it: every symbolic link followed, ".." taken after the link it follows (not
/// folded away as text), the part that does not exist yet kept as written. Two paths name the same place exactly
/// when their real paths are equal, however they are spelled.
/// </summary>
public static class RealPath
{
    private const int MaxLinks = 40;

    /// <summary>The real, absolute path of <paramref name="path"/>, without a trailing separator.</summary>
    public static string Of(string path)
    {
        if (OperatingSystem.IsWindows())
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var absolute = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        var pending = new Stack<string>(Parts(absolute).Reverse());
        var resolved = new List<string>();
        var links = 0;
        var missing = false;
        while (pending.TryPop(out var part))
        {
            if (part is "" or ".")
                continue;
            if (part == "..")
            {
                if (resolved.Count > 0)
                    resolved.RemoveAt(resolved.Count - 1);
                continue;
            }
            var candidate = Join(resolved, part);
            // Below a part that does not exist nothing can be a link: the rest is taken as written.
            string? target = missing ? null : LinkTarget(candidate);
            if (target is null)
            {
                missing = missing || !Path.Exists(candidate);
                resolved.Add(part);
                continue;
            }
            if (++links > MaxLinks)
                throw InputException.Single(Say.Format(Texts.TooManyLinks, path));
            if (Path.IsPathRooted(target))
                resolved.Clear();
            foreach (var p in Parts(target).Reverse())
                pending.Push(p);
        }
        return Join(resolved, null);
    }

    /// <summary>Whether <paramref name="path"/> lies strictly below <paramref name="folder"/> (both real paths).</summary>
    public static bool Inside(string path, string folder) =>
        folder == "/"
            ? path.Length > 1
            : path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string[] Parts(string path) => path.Split('/');

    private static string Join(List<string> parts, string? last) =>
        "/" + string.Join('/', last is null ? parts : [.. parts, last]);

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
