using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using Staffing.Io;
using MiniExcelLibs.OpenXml;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Reports;

/// <summary>
/// The tables of an output folder, from memory, as people open them: rewritten in the Spanish Excel dialect (';', decimal
/// comma, UTF-8 with a byte-order mark), or gathered into one workbook, a sheet a table, numbers as numbers and
/// text as string cells. The contract's files stay RFC 4180 unless asked.
/// </summary>
internal static class Tables
{
    public const string Workbook = "tables.xlsx";

    /// <summary>
    /// Every table of the folder rewritten for people in Spanish Excel: ';', a BOM, and headers, values and
    /// explanations in words of the interface language (numbers with the decimal comma), from the tables in memory;
    /// <see cref="ReadBack"/> reads it back.
    /// </summary>
    public static void ToExcelEs(TableFolder folder)
    {
        foreach (var table in folder.Tables)
        {
            using var stream = File.Create(Path.Combine(folder.Path, table.File));
            ExcelEs(table, stream);
        }
    }

    /// <summary>One table as Spanish Excel opens it with a double click.</summary>
    public static void ExcelEs(Table table, Stream stream)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", HasHeaderRecord = false };
        var twins = Twins(table);
        var shown = Shown(table, twins);
        using var writer = new StreamWriter(stream, new UTF8Encoding(true), leaveOpen: true);
        using var csv = new CsvWriter(writer, config);
        foreach (var i in shown)
            csv.WriteField(Columns.Label(table.Columns[i].Name));
        csv.NextRecord();
        foreach (var row in table.Rows)
        {
            foreach (var i in shown)
                csv.WriteField(
                    ForPeople(table, twins, row, i) switch
                    {
                        string text => CsvFile.Escape(text),
                        decimal d => d.ToString(CultureInfo.InvariantCulture).Replace('.', ','),
                        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
                    }
                );
            csv.NextRecord();
        }
    }

    /// <summary>The columns people read: all but the *_json twins, whose values word their explained column.</summary>
    private static List<int> Shown(Table table, Dictionary<int, int> twins) =>
        [.. Enumerable.Range(0, table.Columns.Length).Where(i => !twins.ContainsValue(i))];

    /// <summary>
    /// A cell as people read it: a number (a figure as its column formats it), or text in the reader's words (codes,
    /// yes/no, explanations worded from their value).
    /// </summary>
    private static object ForPeople(Table table, Dictionary<int, int> twins, object?[] row, int i)
    {
        var column = table.Columns[i];
        if (twins.TryGetValue(i, out var j))
            return Worded(row[i] as string ?? "", row[j] as string ?? "");
        return row[i] switch
        {
            null => "",
            string text => InWords(column.Name, text),
            bool yes => Words.YesNo(yes),
            Resource r => Words.Of(r),
            Funding f => Words.Of(f),
            Stage st => Words.Of(st),
            AcePooling a => Words.Of("ace_pooling." + Vocabulary.Text(a)),
            Enum e => Vocabulary.Text(e),
            int or long => Convert.ToDecimal(row[i], CultureInfo.InvariantCulture),
            IFormattable f => decimal.Parse(
                f.ToString(column.Format, CultureInfo.InvariantCulture),
                NumberStyles.Float,
                CultureInfo.InvariantCulture
            ),
            var other => other.ToString() ?? "",
        };
    }

    /// <summary>
    /// Every code a text column of the contract's tables holds, with the key of its words: Spanish Excel and the
    /// workbook write the words, the read-back maps them (in either language) to the code.
    /// </summary>
    private static readonly Dictionary<(string Column, string Code), string> Coded = new(
        (IEnumerable<KeyValuePair<(string, string), string>>)
        [
            .. Vocabulary.Resources.Select(r => Entry("resource", r.Name(), r.Name())),
            .. new[] { Funding.Pool, Funding.Agreement }.Select(f => Entry("funding", f.Name(), f.Name())),
            .. new[] { Stage.Primary, Stage.Secondary }.Select(st => Entry("stage", st.Name(), "ui.stage." + st.Name())),
            .. new[] { "psychopedagogue", "ptsc" }.Select(role => Entry("role", role, "ui.role." + role)),
            .. Vocabulary.Weekdays.Select((d, i) => Entry("weekday", d, "ui.weekday." + i.ToString(CultureInfo.InvariantCulture))),
            .. new[] { "same_locality", "sai_referral" }.SelectMany(c => new[] { Entry(c, "true", "ui.yes"), Entry(c, "false", "ui.no") }),
            .. new[] { "region", "area", "locality" }.Select(level => Entry("level", level, "level." + level)),
            .. new[] { "centre", "area" }.Select(pooling => Entry("ace_pooling", pooling, "ace_pooling." + pooling)),
            .. new[] { "low_support_hours", "specific_group_not_viable" }.Select(flag => Entry("flag", flag, "flag." + flag)),
        ]
    );

    private static KeyValuePair<(string, string), string> Entry(string column, string code, string key) => new((column, code), key);

    /// <summary>A text cell of a contract column as people read it: its codes (flags one by one) in words.</summary>
    private static string InWords(string column, string cell) =>
        column == "flag" ? Words.Flags(cell)
        : Coded.TryGetValue((column, cell), out var key) ? Words.Of(key)
        : cell;

    /// <summary>
    /// A table written in words read back in either language: a header to its column, a resource, funding, stage,
    /// role, weekday or yes/no to its code. Free text (reasons) stays as written.
    /// </summary>
    public static readonly IReadBack ReadBack = new WordsReadBack();

    private sealed class WordsReadBack : IReadBack
    {
        public string Column(string header, IReadOnlyCollection<string> known)
        {
            foreach (var language in Language.Supported)
                foreach (var k in known)
                    if (string.Equals(Columns.Label(k, language), header, StringComparison.OrdinalIgnoreCase))
                        return k;
            return header;
        }

        public string Value(string column, string cell) =>
            column == "flag" && cell.Contains("; ", StringComparison.Ordinal)
                ? string.Join(";", cell.Split("; ").Select(f => Value(column, f)))
            : Codes.Value.TryGetValue((column, cell), out var code) ? code
            : cell;

        /// <summary>Every value's words in both languages to its code, built once: a cell is one look-up.</summary>
        private static readonly Lazy<Dictionary<(string Column, string Words), string>> Codes = new(() =>
        {
            var codes = new Dictionary<(string, string), string>();
            foreach (var language in Language.Supported)
                foreach (var ((column, code), key) in Coded)
                    codes.TryAdd((column, Words.Of(key, Figures.Culture(language))), code);
            return codes;
        });
    }

    /// <summary>
    /// One workbook of the folder's tables, a sheet each named in the reader's words, header frozen, filters on; the
    /// same words as Spanish Excel's CSV, numbers as numbers.
    /// </summary>
    public static void ToWorkbook(TableFolder folder)
    {
        if (folder.Tables.Count == 0)
            return;
        using var stream = File.Create(Path.Combine(folder.Path, Workbook));
        WriteWorkbook(folder.Tables, stream);
    }

    /// <summary>The tables as one workbook.</summary>
    public static void WriteWorkbook(IEnumerable<Table> tables, Stream stream)
    {
        var sheets = new Dictionary<string, List<Dictionary<string, object>>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var file = Path.GetFileNameWithoutExtension(table.File);
            var twins = Twins(table);
            var shown = Shown(table, twins);
            sheets[Sheet(Words.Of("sheet." + file) is var w && w != "sheet." + file ? w : file, sheets.Keys)] =
            [
                .. table.Rows.Select(row =>
                    shown.ToDictionary(i => table.Columns[i].Name, i => ForPeople(table, twins, row, i), StringComparer.Ordinal)
                ),
            ];
        }
        Save(stream, sheets);
    }

    /// <summary>
    /// Each explained column (reason, finding, text, warning) by index, to the index of its <c>_json</c> twin: the
    /// explanation as a value, worded in the reader's language, the twin itself left out of what people read.
    /// </summary>
    private static Dictionary<int, int> Twins(Table table)
    {
        var twins = new Dictionary<int, int>();
        for (var i = 0; i < table.Columns.Length; i++)
            if (table.IndexOf(table.Columns[i].Name + "_json") is >= 0 and var j)
                twins[i] = j;
        return twins;
    }

    /// <summary>An explained cell in the reader's words from its value; the words as written when it has none.</summary>
    private static string Worded(string words, string json) =>
        json.Length > 0 && ExplanationJson.Read(json) is { } e && Explain.Knows(e) ? Explain.Read(e) : words;

    /// <summary>Sheets keyed by the contract's column names, saved with headers in the reader's language.</summary>
    public static void Save(Stream stream, IReadOnlyDictionary<string, List<Dictionary<string, object>>> sheets)
    {
        var columns = sheets.Values.SelectMany(rows => rows.Take(1).SelectMany(r => r.Keys)).ToList();
        var labelled = sheets.ToDictionary(
            s => s.Key,
            s =>
                (object)
                    s.Value.Select(row =>
                            row.ToDictionary(c => Columns.Label(c.Key), c => c.Value, StringComparer.Ordinal)
                        )
                        .ToList(),
            StringComparer.Ordinal
        );
        stream.SaveAs(labelled, excelType: ExcelType.XLSX, configuration: Configuration(columns));
    }

    /// <summary>
    /// Frozen headers, filters, widths that fit, and number formats Excel shows in the reader's own convention (in
    /// Spanish: 1.845.000 €): euros for every cost column, thousands separators for the counts (by the contract's
    /// column names, the headers in the reader's words).
    /// </summary>
    private static OpenXmlConfiguration Configuration(IEnumerable<string> headers) =>
        new()
        {
            FreezeRowCount = 1,
            AutoFilter = true,
            EnableAutoWidth = true,
            // Auto width needs MiniExcel's fast mode (the rows are measured as they are written).
            FastMode = true,
            DynamicColumns =
            [
                .. headers
                    .Distinct(StringComparer.Ordinal)
                    .Select(h =>
                        h.Contains("cost", StringComparison.Ordinal)
                            ? new MiniExcelLibs.Attributes.DynamicExcelColumn(Columns.Label(h)) { Format = "#,##0 \"€\"" }
                        : Counts.Any(c => h.EndsWith(c, StringComparison.Ordinal))
                            ? new MiniExcelLibs.Attributes.DynamicExcelColumn(Columns.Label(h)) { Format = "#,##0" }
                        : null
                    )
                    .OfType<MiniExcelLibs.Attributes.DynamicExcelColumn>(),
            ],
        };

    private static readonly string[] Counts =
    [
        "entitled",
        "allocated",
        "shortfall",
        "pupils",
        "compensatory",
        "held",
        "centres",
        "difference",
    ];

    /// <summary>Sheet names: at most 31 characters, unique.</summary>
    private static string Sheet(string name, IEnumerable<string> taken)
    {
        var s = name.Length > 31 ? name[..31] : name;
        var n = 2;
        while (taken.Contains(s, StringComparer.Ordinal))
            s = (name.Length > 28 ? name[..28] : name) + "-" + n++.ToString(CultureInfo.InvariantCulture);
        return s;
    }
}
