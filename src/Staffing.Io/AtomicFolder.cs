using System.Runtime.InteropServices;

namespace Staffing.Io;

/// <summary>
/// Writes an output folder completely or not at all: a temporary folder beside it, then renamed into place. It never
/// destroys what the program did not write: a folder is replaced only when it is empty or carries the marker of an
/// earlier output (<see cref="Marker"/>), or with force; never the input, a folder holding it, the current or home
/// folder or the root, whatever the force.
/// </summary>
public static partial class AtomicFolder
{
    /// <summary>The file every output folder carries, naming the command that wrote it.</summary>
    public const string Marker = ".staffing-output";

    /// <summary>Where a command may write, and what it must not touch.</summary>
    /// <remarks>
    /// <paramref name="Cancel"/> stops the write before it commits (the temporary folder removed, the old output
    /// kept); <paramref name="Temporary"/> is told of the temporary path while it exists.
    /// </remarks>
    public sealed record Target(
        string Path,
        string Command,
        IReadOnlyList<string> Inputs,
        bool Force = false,
        CancellationToken Cancel = default,
        Action<string, bool>? Temporary = null
    );

    /// <summary>The refusals that need no look inside the folder: checked before any work is done.</summary>
    public static void CheckPath(Target t)
    {
        if (t.Path.Trim().Length == 0)
            throw InputException.Single(Texts.OutEmpty);
        var full = Full(t.Path);
        string[] forbidden =
        [
            Full("/"),
            Full(Directory.GetCurrentDirectory()),
            Full(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)),
        ];
        if (forbidden.Contains(full, StringComparer.Ordinal))
            throw InputException.Single(
                Say.Format(Texts.OutForbidden, t.Path, full)
            );
        // An input folder is neither the output, nor holds it, nor is held by it. An input file (a policy file, a
        // trends.csv) is safe from a folder beside it: only a folder that would hold it (its own or an ancestor) is refused.
        foreach (var i in t.Inputs)
        {
            var file = File.Exists(i);
            var input = file ? System.IO.Path.GetDirectoryName(Full(i))! : Full(i);
            if (full == input || Inside(input, full) || (!file && Inside(full, input)))
                throw InputException.Single(
                    file
                        ? Say.Format(Texts.OutHoldsInputFile, t.Path, Full(i))
                        : Say.Format(Texts.OutNearInput, t.Path, input)
                );
        }
        if (File.Exists(full))
            throw InputException.Single(Say.Format(Texts.OutIsFile, t.Path));
    }

    /// <summary>Writes the folder, with its marker, after the checks of <see cref="CheckPath"/> and the look inside.</summary>
    public static void Write(Target t, Action<string> fill)
    {
        CheckPath(t);
        var full = Full(t.Path);
        if (
            Directory.Exists(full)
            && !t.Force
            && Directory.EnumerateFileSystemEntries(full).Any()
            && !File.Exists(System.IO.Path.Combine(full, Marker))
        )
            throw InputException.Single(
                Say.Format(Texts.OutForeign, t.Path)
            );
        Write(
            full,
            tmp =>
            {
                fill(tmp);
                File.WriteAllText(System.IO.Path.Combine(tmp, Marker), $"written by staffing {t.Command}\n");
            },
            t.Cancel,
            t.Temporary
        );
    }

    private static string Full(string path) =>
        System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path));

    private static bool Inside(string path, string folder) =>
        path.StartsWith(folder + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static void Write(
        string target,
        Action<string> fill,
        CancellationToken cancel = default,
        Action<string, bool>? temporary = null
    )
    {
        var full = System.IO.Path.GetFullPath(target.TrimEnd('/', '\\'));
        if (File.Exists(full))
            throw InputException.Single(Say.Format(Texts.TargetIsFile, target));
        var parent = Path.GetDirectoryName(full) ?? ".";
        if (File.Exists(parent))
            throw InputException.Single(Say.Format(Texts.ParentIsFile, target, parent));
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        temporary?.Invoke(temp, true);
        try
        {
            Directory.CreateDirectory(temp);
            fill(temp);
            cancel.ThrowIfCancellationRequested();
            if (Directory.Exists(full))
            {
                // Swap in one step where the kernel can (renameat2 RENAME_EXCHANGE), so a reader never sees no folder.
                if (!Exchange(temp, full))
                {
                    var old = temp + ".old";
                    Directory.Move(full, old);
                    Directory.Move(temp, full);
                    Directory.Delete(old, true);
                    return;
                }
                Directory.Delete(temp, true);
            }
            else
                Directory.Move(temp, full);
        }
        catch
        {
            if (Directory.Exists(temp))
                Directory.Delete(temp, true);
            throw;
        }
        finally
        {
            temporary?.Invoke(temp, false);
        }
    }

    /// <summary>Writes one file completely or not at all.</summary>
    public static void WriteFile(string target, Action<string> fill, CancellationToken cancel = default)
    {
        var full = Path.GetFullPath(target);
        if (Directory.Exists(full))
            throw InputException.Single(Say.Format(Texts.TargetIsFolder, target));
        var parent = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            fill(temp);
            cancel.ThrowIfCancellationRequested();
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            if (File.Exists(temp))
                File.Delete(temp);
            throw;
        }
    }

    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RenameAt2(int olddirfd, string oldpath, int newdirfd, string newpath, uint flags);

    private static bool Exchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux())
            return false;
        try
        {
            return RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }
}
