using System.Runtime.InteropServices;

namespace Staffing.Io;

/// <summary>Writes an output folder completely or not at all: a temporary folder beside it, then renamed into place.</summary>
public static partial class AtomicFolder
{
    public static void Write(string target, Action<string> fill)
    {
        var full = Path.GetFullPath(target.TrimEnd('/', '\\'));
        if (File.Exists(full))
            throw InputException.Single(
                $"{target}: found a file, expected a folder to write (or a path that does not exist)"
            );
        var parent = Path.GetDirectoryName(full) ?? ".";
        if (File.Exists(parent))
            throw InputException.Single($"{target}: found a file {parent}, expected a folder to hold --out");
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(temp);
            fill(temp);
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
    }

    /// <summary>Writes one file completely or not at all.</summary>
    public static void WriteFile(string target, Action<string> fill)
    {
        var full = Path.GetFullPath(target);
        if (Directory.Exists(full))
            throw InputException.Single($"{target}: found a folder, expected a file path to write");
        var parent = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            fill(temp);
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
