using System.Collections.Immutable;

namespace Staffing.Io;

/// <summary>A column of a table: its name in the contract and the number format of its figures (null: as they are).</summary>
public sealed record TableColumn(string Name, string? Format = null);

/// <summary>
/// One table the program writes, built once in memory: its file name, its columns in the contract's order and its
/// rows of typed cells (names, counts, figures, yes/no, values of the vocabulary). Rendered as the contract's CSV
/// (<see cref="CsvFile"/>) and, for people, as Spanish Excel's CSV and a workbook's sheet in the reader's words.
/// </summary>
public sealed record Table(string File, ImmutableArray<TableColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    /// <summary>The table of typed rows (a record of CsvRows.cs a row), columns as the contract's CSV names them.</summary>
    public static Table Of<T>(string file, IEnumerable<T> rows)
    {
        var members = CsvFile.Members<T>();
        return new(
            file,
            [.. members.Select(m => new TableColumn(m.Name, m.Format))],
            [.. rows.Select(row => members.Select(m => m.Value(row!)).ToArray())]
        );
    }

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Length; i++)
            if (Columns[i].Name == column)
                return i;
        return -1;
    }
}

/// <summary>
/// The tables of one output folder: each written to its CSV file as the contract says and kept, typed, for the
/// renderings people read (Spanish Excel's CSV, the workbook), so none of them reads a file just written. Tables
/// may be added from several threads at once (a plan's files are written side by side). A folder in memory only
/// (<see cref="InMemory"/>) keeps the tables and writes nothing: a download built from them.
/// </summary>
public sealed class TableFolder(string? path)
{
    // Built when first read: a command whose files nobody asks in words (no --xlsx, no excel-es) builds none.
    private readonly List<Lazy<Table>> tables = [];

    /// <summary>The folder on disk (a folder in memory only has none).</summary>
    public string Path => path ?? throw new InvalidOperationException("a folder in memory only has no path");

    public static TableFolder InMemory() => new(null);

    /// <summary>Writes the typed rows to <paramref name="file"/> in the contract's dialect and keeps them.</summary>
    public void Write<T>(string file, IEnumerable<T> rows)
    {
        var list = rows as IReadOnlyCollection<T> ?? [.. rows];
        if (path is not null)
            CsvFile.Write(System.IO.Path.Combine(path, file), list);
        Keep(new(() => Table.Of(file, list)));
    }

    /// <summary>Writes a table whose columns depend on the data (itinerants.csv) and keeps it.</summary>
    public void Write(Table table)
    {
        if (path is not null)
            CsvFile.Write(System.IO.Path.Combine(path, table.File), table);
        Keep(new(table));
    }

    /// <summary>A file that is no table (summary.json), written beside them; nothing in memory only.</summary>
    public void WriteText(string file, string text)
    {
        if (path is not null)
            File.WriteAllText(System.IO.Path.Combine(path, file), text, new System.Text.UTF8Encoding(false));
    }

    private void Keep(Lazy<Table> table)
    {
        lock (tables)
            tables.Add(table);
    }

    /// <summary>The tables written, by file name.</summary>
    public IReadOnlyList<Table> Tables
    {
        get
        {
            lock (tables)
                return [.. tables.Select(t => t.Value).OrderBy(t => t.File, StringComparer.Ordinal)];
        }
    }
}
