using System.IO.Compression;
using System.Text;

namespace Staffing.Io;

/// <summary>
/// The mark a file output carries so that a later run knows it may replace it: an HTML page's generator meta tag
/// (written by its template), a workbook's archive comment.
/// </summary>
public static class FileMark
{
    /// <summary>The generator meta tag of every HTML page the program writes.</summary>
    public const string HtmlTag = "<meta name=\"generator\" content=\"staffing\">";

    private const string Comment = "written by staffing";

    /// <summary>
    /// Marks a file just written at <paramref name="path"/> that will be <paramref name="target"/> (a workbook gets
    /// its comment; a page has its tag from its template).
    /// </summary>
    public static void Put(string path, string target, string command)
    {
        if (!IsWorkbook(target))
            return;
        // The archive's comment, written into its end record: the workbook's parts stay as written.
        var comment = Encoding.ASCII.GetBytes($"{Comment} {command}");
        using var file = File.Open(path, FileMode.Open, FileAccess.ReadWrite);
        var end = EndRecord(file) ?? throw new InvalidDataException(path);
        file.Position = end + 20;
        file.Write([(byte)comment.Length, (byte)(comment.Length >> 8)]);
        file.SetLength(end + 22);
        file.Position = end + 22;
        file.Write(comment);
    }

    /// <summary>Where a zip archive's end-of-central-directory record starts, looking back from its end.</summary>
    private static long? EndRecord(FileStream file)
    {
        var tail = (int)Math.Min(file.Length, 22 + ushort.MaxValue);
        var bytes = new byte[tail];
        file.Position = file.Length - tail;
        file.ReadExactly(bytes);
        for (var i = tail - 22; i >= 0; i--)
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 0x05 && bytes[i + 3] == 0x06)
                return file.Length - tail + i;
        return null;
    }

    /// <summary>Whether an existing file carries the mark; anything unreadable does not.</summary>
    public static bool Carries(string path)
    {
        try
        {
            if (IsWorkbook(path))
            {
                using var zip = ZipFile.OpenRead(path);
                return zip.Comment.StartsWith(Comment, StringComparison.Ordinal);
            }
            var head = new byte[4096];
            using var stream = File.OpenRead(path);
            var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return Encoding.UTF8.GetString(head, 0, n).Contains(HtmlTag, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsWorkbook(string path) =>
        Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase);
}
