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
    /// <remarks>
    /// Paths are compared as the kernel walks them (<see cref="RealPath"/>), so a link cannot make an input look
    /// like somewhere else. An input folder is neither the output, nor holds it, nor is held by it; each entry of an
    /// input folder (a scenario file may itself be a link) and each input file is neither the output nor held by it.
    /// A file beside an input file is fine.
    /// </remarks>
    public static void CheckPath(Target t)
    {
        if (t.Path.Trim().Length == 0)
            throw InputException.Single(Texts.OutEmpty);
        var full = RealPath.Of(t.Path);
        string[] forbidden =
        [
            "/",
            RealPath.Of(Directory.GetCurrentDirectory()),
            RealPath.Of(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)),
        ];
        if (forbidden.Contains(full, StringComparer.Ordinal))
            throw InputException.Single(Say.Format(Texts.OutForbidden, t.Path, full));
        foreach (var (input, folder) in Protected(t.Inputs))
            if (full == input || RealPath.Inside(input, full) || (folder && RealPath.Inside(full, input)))
                throw InputException.Single(
                    folder
                        ? Say.Format(Texts.OutNearInput, t.Path, input)
                        : Say.Format(Texts.OutHoldsInputFile, t.Path, input)
                );
        if (File.Exists(full))
            throw InputException.Single(Say.Format(Texts.OutIsFile, t.Path));
    }

    /// <summary>
    /// Every place an input stands, by its real path: each input, and each entry of an input folder. A path that
    /// does not exist yet (a workspace about to be made) is protected as a file.
    /// </summary>
    private static IEnumerable<(string Path, bool Folder)> Protected(IEnumerable<string> inputs)
    {
        foreach (var i in inputs)
        {
            var real = RealPath.Of(i);
            if (!Directory.Exists(real))
            {
                yield return (real, false);
                continue;
            }
            yield return (real, true);
            foreach (var entry in Directory.EnumerateFileSystemEntries(real))
            {
                var target = RealPath.Of(entry);
                yield return (target, Directory.Exists(target));
            }
        }
    }

    /// <summary>Writes the folder, with its marker, after the checks of <see cref="CheckPath"/> and the look inside.</summary>
    public static void Write(Target t, Action<string> fill)
    {
        CheckPath(t);
        var full = RealPath.Of(t.Path);
        if (
            Directory.Exists(full)
            && !t.Force
            && Directory.EnumerateFileSystemEntries(full).Any()
            && !File.Exists(System.IO.Path.Combine(full, Marker))
        )
            throw InputException.Single(Say.Format(Texts.OutForeign, t.Path));
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

    /// <summary>
    /// The refusals of a file output (a report): not an input, not inside an input folder, not a folder, and an
    /// existing file only when this program wrote it (<see cref="FileMark"/>) or with force.
    /// </summary>
    public static void CheckFile(Target t)
    {
        if (t.Path.Trim().Length == 0)
            throw InputException.Single(Texts.OutEmpty);
        var full = RealPath.Of(t.Path);
        foreach (var (input, folder) in Protected(t.Inputs))
            if (full == input || (folder && RealPath.Inside(full, input)))
                throw InputException.Single(Say.Format(Texts.OutFileIsInput, t.Path, input));
        if (Directory.Exists(full))
            throw InputException.Single(Say.Format(Texts.TargetIsFolder, t.Path));
        if (File.Exists(full) && !t.Force && !FileMark.Carries(full))
            throw InputException.Single(Say.Format(Texts.OutFileForeign, t.Path));
    }

    /// <summary>Writes one file completely or not at all, after <see cref="CheckFile"/>; the file carries the mark.</summary>
    public static void WriteFile(Target t, Action<string> fill)
    {
        CheckFile(t);
        WriteFile(
            RealPath.Of(t.Path),
            tmp =>
            {
                fill(tmp);
                FileMark.Put(tmp, t.Path, t.Command);
            },
            t.Cancel
        );
    }

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

    private static void WriteFile(string target, Action<string> fill, CancellationToken cancel = default)
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
