using System.Text;
using Staffing.Io;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Notices;

/// <summary>The notices as files: one writer for the command and the page's download.</summary>
internal static class NoticeFiles
{
    /// <summary>index.html, all.html (every notice, one a sheet) and centres/CODE.html.</summary>
    public static void Write(string folder, IReadOnlyList<Notice> notices, string schoolYear)
    {
        var title = Say.Format(Texts.NoticeTitle, schoolYear);
        string Page(IReadOnlyList<Notice> some) =>
            Reports.HtmlTemplate.Render<NoticesDocument>(
                new Dictionary<string, object?>
                {
                    ["Notices"] = some,
                    ["Title"] = title,
                    ["SchoolYear"] = schoolYear,
                    ["Language"] = Language.Current,
                }
            );
        var utf8 = new UTF8Encoding(false);
        File.WriteAllText(Path.Combine(folder, "all.html"), Page(notices), utf8);
        var centres = Directory.CreateDirectory(Path.Combine(folder, "centres")).FullName;
        foreach (var n in notices)
            File.WriteAllText(Path.Combine(centres, FileName(n.Code)), Page([n]), utf8);
        var index = new StringBuilder();
        var enc = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        index.Append($"<!doctype html>\n<html lang=\"{Language.Current}\">\n<head>\n<meta charset=\"utf-8\">\n{FileMark.HtmlTag}\n");
        index.Append($"<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n<title>{enc.Encode(Say.Format(Texts.NoticeIndexTitle, schoolYear))}</title>\n");
        index.Append("<style>body{font:14px/1.5 system-ui,sans-serif;color:#111;margin:1.5em auto;max-width:48em}li{margin:.1em 0}</style>\n</head>\n<body>\n");
        index.Append($"<h1>{enc.Encode(Say.Format(Texts.NoticeIndexTitle, schoolYear))}</h1>\n<p><a href=\"all.html\">{enc.Encode(Texts.NoticeAllLink)}</a></p>\n");
        foreach (var area in notices.GroupBy(n => n.Area).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            index.Append($"<h2>{enc.Encode(area.Key)}</h2>\n<ul>\n");
            foreach (var n in area)
                index.Append($"<li><a href=\"centres/{Uri.EscapeDataString(FileName(n.Code))}\">{enc.Encode(n.Code)} {enc.Encode(n.Name)}</a> · {enc.Encode(n.Locality)}</li>\n");
            index.Append("</ul>\n");
        }
        index.Append("</body>\n</html>\n");
        File.WriteAllText(Path.Combine(folder, "index.html"), index.ToString(), utf8);
    }

    /// <summary>A centre code as a file name: only what no file system misreads.</summary>
    private static string FileName(string code) =>
        new string([.. code.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_')]) + ".html";
}
