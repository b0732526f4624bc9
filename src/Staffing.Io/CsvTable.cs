using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Staffing.Io;

/// <remarks>
/// <paramref name="MaxRows"/>: beyond it a table is refused with its position, before memory runs out.
/// <paramref name="Words"/>: a file written for people (--csv-dialect excel-es) read back, its headers and values
/// in words turned into the contract's names.
/// </remarks>
public sealed record CsvOptions(
    char? Delimiter = null,
    Encoding? Encoding = null,
    bool Strict = false,
    int MaxRows = CsvTable.MaxRows,
    IReadBack? Words = null
);

/// <summary>How a table written in words (excel-es) reads back: a header's words to the column, a value's to the code.</summary>
public interface IReadBack
{
    /// <summary>The column among <paramref name="known"/> whose words are <paramref name="header"/>, else the header.</summary>
    string Column(string header, IReadOnlyCollection<string> known);

    /// <summary>The contract's value of a cell of that column written in words, else the cell.</summary>
    string Value(string column, string cell);
}

public sealed record CsvRow(int Line, string[] Fields);

/// <summary>A CSV file as read (streamed): its header, its rows with their starting line numbers, and how it was read.</summary>
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
    ) => Read(() => System.IO.File.OpenRead(path), file, options, errors, known, required);

    /// <summary>As <see cref="Read(string, string, CsvOptions, InputErrors, IReadOnlyCollection{string}, IReadOnlyCollection{string})"/>, the bytes opened as often as read.</summary>
    public static CsvTable? Read(
        Func<Stream> open,
        string file,
        CsvOptions options,
        InputErrors errors,
        IReadOnlyCollection<string> known,
        IReadOnlyCollection<string> required
    )
    {
        Encoding encoding;
        try
        {
            encoding = DetectEncoding(open, file, options, errors);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(file, 1, 1, Say.Format(Texts.FoundUnreadable, ex.Message), Texts.ExpectedReadableCsv);
            return null;
        }
        char delimiter;
        using (var peek = new StreamReader(open(), encoding, detectEncodingFromByteOrderMarks: false))
        {
            var first = new char[64 * 1024];
            var n = peek.ReadBlock(first, 0, first.Length);
            var head = new string(first, 0, n).TrimStart('\uFEFF');
            if (head.Trim().Length == 0)
            {
                errors.Add(file, 1, 1, Texts.FoundEmptyFile, Say.Format(Texts.ExpectedHeader, string.Join(",", required)));
                return null;
            }
            delimiter = options.Delimiter ?? Detect(head);
        }
        if (options.Delimiter is null && delimiter != ',')
            errors.Note(Say.Format(Texts.NoteDelimiter, file, delimiter));

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
        // Streamed: the file is never held whole, and the watcher sees every character the parser reads.
        using (var stream = new StreamReader(open(), encoding, detectEncodingFromByteOrderMarks: false))
        using (var watched = new WatchedReader(stream, delimiter))
        using (var parser = new CsvParser(watched, config))
        {
            while (parser.Read())
            {
                var fields = parser.Record ?? [];
                var rawRow = parser.RawRow;
                var lines = CountLines(parser.RawRecord);
                var start = rawRow - lines + 1;
                if (header is null)
                    header = fields;
                else if (rows.Count >= options.MaxRows)
                {
                    errors.Add(
                        file,
                        start,
                        1,
                        Say.Format(Texts.FoundTooManyRows, options.MaxRows.ToString("#,0", CultureInfo.InvariantCulture)),
                        Texts.ExpectedFewerRows
                    );
                    return null;
                }
                else
                    rows.Add(new CsvRow(start, fields));
            }
            // Either makes the rows after it meaningless: the file is refused at that one place.
            if (watched.OpenQuote is { } q)
            {
                errors.Add(file, q.Line, q.Column, Texts.FoundUnclosedQuote, Texts.ExpectedClosingQuote);
                return null;
            }
            if (watched.InnerBom is { } b)
            {
                errors.Add(file, b.Line, b.Column, Texts.FoundInnerBom, Texts.ExpectedOneBom);
                return null;
            }
        }
        header ??= [];
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var given = header[i].Trim().TrimStart('\uFEFF');
            var name = (options.Words?.Column(given, known) ?? given).ToLowerInvariant();
            if (name.Length == 0)
                errors.Add(file, 1, i + 1, Texts.FoundEmptyColumnName, Texts.ExpectedColumnName);
            else if (!columns.TryAdd(name, i))
                errors.Add(file, 1, i + 1, Say.Format(Texts.FoundColumnTwice, InputErrors.Quote(name)), Texts.ExpectedColumnOnce);
            else if (!known.Contains(name))
            {
                if (options.Strict)
                    errors.Add(
                        file,
                        1,
                        i + 1,
                        Say.Format(Texts.FoundUnknownColumn, InputErrors.Quote(name)),
                        Say.Format(Texts.ExpectedOneOf, string.Join(", ", known))
                    );
                else
                    errors.Note($"{file}:1:{i + 1}: " + Say.Format(Texts.NoteUnknownColumn, InputErrors.Quote(name)));
            }
        }
        foreach (var name in required)
            if (!columns.ContainsKey(name))
                errors.Add(
                    file,
                    1,
                    header.Length + 1,
                    Say.Format(Texts.FoundNoColumn, InputErrors.Quote(name)),
                    Say.Format(Texts.ExpectedColumn, name)
                );
        foreach (var row in rows)
            if (row.Fields.Length > header.Length && row.Fields.Skip(header.Length).Any(f => f.Trim().Length > 0))
                errors.Add(
                    file,
                    row.Line,
                    header.Length + 1,
                    Say.Format(Texts.FoundFields, row.Fields.Length),
                    Say.Format(Texts.ExpectedFields, header.Length)
                );
        if (options.Words is { } words)
            foreach (var row in rows)
            foreach (var (name, i) in columns)
                if (i < row.Fields.Length)
                    row.Fields[i] = words.Value(name, row.Fields[i]);
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

    /// <summary>Rows a table may hold by default (a country is far under a million centres).</summary>
    public const int MaxRows = 1_000_000;

    /// <summary>
    /// The encoding, from a forced one, a byte-order mark (UTF-8, UTF-16 either way), or a streamed check that the
    /// bytes are UTF-8, else Windows-1252.
    /// </summary>
    private static Encoding DetectEncoding(Func<Stream> open, string file, CsvOptions options, InputErrors errors)
    {
        if (options.Encoding is { } forced)
            return forced;
        using var stream = open();
        var bom = new byte[3];
        var n = stream.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        if (n >= 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)
        {
            errors.Note(Say.Format(Texts.NoteUtf8Bom, file));
            return new UTF8Encoding(false);
        }
        if (n >= 2 && bom[0] == 0xFF && bom[1] == 0xFE)
        {
            errors.Note(Say.Format(Texts.NoteUtf16Le, file));
            return new UnicodeEncoding(false, false);
        }
        if (n >= 2 && bom[0] == 0xFE && bom[1] == 0xFF)
        {
            errors.Note(Say.Format(Texts.NoteUtf16Be, file));
            return new UnicodeEncoding(true, false);
        }
        stream.Position = 0;
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[(1 << 16) + 4];
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            errors.Note(Say.Format(Texts.NoteWindows1252, file));
            return Encoding.GetEncoding(1252);
        }
    }

    /// <summary>
    /// Passes the text to the parser and notes where a quoted field opened and did not close, and any byte-order
    /// mark after the start (line and column, 1-based; the column a field number, as in every message).
    /// </summary>
    private sealed class WatchedReader(TextReader inner, char delimiter) : TextReader
    {
        private int line = 1,
            field = 1;
        private bool quoted,
            closing,
            atFieldStart = true,
            started;
        private (int, int) quoteAt;
        private char last;

        public (int Line, int Column)? OpenQuote => quoted && !closing ? quoteAt : null;

        public (int Line, int Column)? InnerBom { get; private set; }

        public override int Peek() => inner.Peek();

        public override int Read()
        {
            var c = inner.Read();
            if (c >= 0)
                See((char)c);
            return c;
        }

        public override int Read(char[] buffer, int index, int count)
        {
            var n = inner.Read(buffer, index, count);
            for (var i = index; i < index + n; i++)
                See(buffer[i]);
            return n;
        }

        public override int Read(Span<char> buffer)
        {
            var n = inner.Read(buffer);
            for (var i = 0; i < n; i++)
                See(buffer[i]);
            return n;
        }

        private void See(char c)
        {
            if (c == '\uFEFF' && started && InnerBom is null)
                InnerBom = (line, field);
            started = true;
            if (closing)
            {
                closing = false;
                if (c == '"')
                {
                    last = c; // "" inside a quoted field: a quote, the field still open
                    return;
                }
                quoted = false;
            }
            if (c == '"')
            {
                if (quoted)
                    closing = true;
                else if (atFieldStart)
                    (quoted, quoteAt) = (true, (line, field));
                atFieldStart = false;
            }
            else if (c == '\n' || c == '\r')
            {
                if (!(c == '\n' && last == '\r'))
                    line++;
                if (!quoted)
                    (field, atFieldStart) = (1, true);
            }
            else if (!quoted && c == delimiter)
                (field, atFieldStart) = (field + 1, true);
            else if (!quoted && c != ' ')
                atFieldStart = false;
            last = c;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
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
