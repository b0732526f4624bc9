using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Staffing.Io;

public sealed record CsvOptions(char? Delimiter = null, Encoding? Encoding = null, bool Strict = false);

public sealed record CsvRow(int Line, string[] Fields);

/// <summary>A CSV file read whole: its header, its rows with their starting line numbers, and how it was read.</summary>
public sealed class CsvTable
{
    public required string File { get; init; }
    public required string[] Header { get; init; }
    public required IReadOnlyList<CsvRow> Rows { get; init; }
    public required char Delimiter { get; init; }
    private Dictionary<string, int> Columns { get; init; } = [];

    public int Column(string name) => Columns.GetValueOrDefault(name, -1);

    public bool Has(string name) => Columns.ContainsKey(name);

    static CsvTable() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// Reads the file, detecting the encoding (UTF-8 with or without BOM, else Windows-1252) and the delimiter
    /// (comma or semicolon, from the header) unless forced. Returns null when the file cannot be used at all.
    /// </summary>
    public static CsvTable? Read(
        string path,
        string file,
        CsvOptions options,
        InputErrors errors,
        IReadOnlyCollection<string> known,
        IReadOnlyCollection<string> required
    )
    {
        byte[] bytes;
        try
        {
            bytes = System.IO.File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(file, 1, 1, "a file that cannot be read (" + ex.Message + ")", "a readable CSV file");
            return null;
        }
        var text = Decode(bytes, file, options, errors);
        if (text.Trim().Length == 0)
        {
            errors.Add(file, 1, 1, "an empty file", "a header row naming the columns " + string.Join(",", required));
            return null;
        }
        var delimiter = options.Delimiter ?? Detect(text);
        if (options.Delimiter is null && delimiter != ',')
            errors.Note($"{file}: read with '{delimiter}' as the separator (detected)");

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.None,
        };
        var rows = new List<CsvRow>();
        string[]? header = null;
        using (var reader = new StringReader(text))
        using (var parser = new CsvParser(reader, config))
        {
            while (parser.Read())
            {
                var fields = parser.Record ?? [];
                var rawRow = parser.RawRow;
                var lines = CountLines(parser.RawRecord);
                var start = rawRow - lines + 1;
                if (header is null)
                    header = fields;
                else
                    rows.Add(new CsvRow(start, fields));
            }
        }
        header ??= [];
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF').ToLowerInvariant();
            if (name.Length == 0)
                errors.Add(file, 1, i + 1, "an empty column name", "a column name");
            else if (!columns.TryAdd(name, i))
                errors.Add(file, 1, i + 1, $"the column {InputErrors.Quote(name)} a second time", "each column once");
            else if (!known.Contains(name))
            {
                if (options.Strict)
                    errors.Add(
                        file,
                        1,
                        i + 1,
                        $"an unknown column {InputErrors.Quote(name)}",
                        "one of " + string.Join(", ", known)
                    );
                else
                    errors.Note($"{file}:1:{i + 1}: unknown column {InputErrors.Quote(name)} ignored");
            }
        }
        foreach (var name in required)
            if (!columns.ContainsKey(name))
                errors.Add(
                    file,
                    1,
                    header.Length + 1,
                    $"no column {InputErrors.Quote(name)}",
                    $"a column named {name} in the header"
                );
        foreach (var row in rows)
            if (row.Fields.Length > header.Length && row.Fields.Skip(header.Length).Any(f => f.Trim().Length > 0))
                errors.Add(
                    file,
                    row.Line,
                    header.Length + 1,
                    $"{row.Fields.Length} fields",
                    $"at most {header.Length}, as in the header"
                );
        return new CsvTable
        {
            File = file,
            Header = header,
            Rows = rows,
            Delimiter = delimiter,
            Columns = columns,
        };
    }

    private static int CountLines(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
            return 1;
        var n = 1;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\n')
                n++;
            else if (raw[i] == '\r' && (i + 1 >= raw.Length || raw[i + 1] != '\n'))
                n++;
        }
        // The record's own line end does not start a new line.
        return raw.EndsWith('\n') || raw.EndsWith('\r') ? n - 1 : n;
    }

    private static string Decode(byte[] bytes, string file, CsvOptions options, InputErrors errors)
    {
        if (options.Encoding is { } forced)
            return forced.GetString(bytes).TrimStart('\uFEFF');
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            errors.Note($"{file}: read as UTF-8 with a byte-order mark (detected)");
            return new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            errors.Note($"{file}: not valid UTF-8, read as Windows-1252 (detected)");
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    /// <summary>Semicolon when the header has more semicolons than commas outside quotes (Excel in Spanish), else comma.</summary>
    private static char Detect(string text)
    {
        int commas = 0,
            semis = 0;
        var quoted = false;
        foreach (var ch in text)
        {
            if (ch == '"')
                quoted = !quoted;
            else if (!quoted && (ch == '\n' || ch == '\r'))
                break;
            else if (!quoted && ch == ',')
                commas++;
            else if (!quoted && ch == ';')
                semis++;
        }
        return semis > commas ? ';' : ',';
    }
}
