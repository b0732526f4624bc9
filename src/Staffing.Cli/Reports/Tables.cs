using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using Staffing.Io;
using MiniExcelLibs.OpenXml;

namespace Staffing.Cli.Reports;

/// <summary>
/// The CSV tables of an output folder as people open them: rewritten in the Spanish Excel dialect (';', decimal
/// comma, UTF-8 with a byte-order mark), or gathered into one workbook, a sheet a table, numbers as numbers and
/// text as string cells. The contract's files stay RFC 4180 unless asked.
/// </summary>
public static class Tables
{
    public const string Workbook = "tables.xlsx";

    private static readonly CsvConfiguration Rfc = new(CultureInfo.InvariantCulture) { HasHeaderRecord = false };

    private static List<string[]> Read(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false));
        using var csv = new CsvParser(reader, Rfc);
        var rows = new List<string[]>();
        while (csv.Read())
            rows.Add(csv.Record ?? []);
        return rows;
    }

    private static bool IsNumber(string cell) =>
        cell.Length > 0
        && cell.Length < 30
        && decimal.TryParse(
            cell,
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture,
            out _
        );

    /// <summary>
    /// Every CSV of the folder rewritten for people in Spanish Excel: ';', a BOM, and headers, values and
    /// explanations in words of the interface language (numbers with the decimal comma); <see cref="ReadBack"/> reads
    /// it back.
    /// </summary>
    public static void ToExcelEs(string folder)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", HasHeaderRecord = false };
        foreach (var path in Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            var rows = Read(path);
            var header = rows.Count == 0 ? [] : rows[0];
            var twins = Twins(header);
            using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
            using var csv = new CsvWriter(writer, config);
            for (var r = 0; r < rows.Count; r++)
            {
                var row = rows[r];
                for (var i = 0; i < row.Length; i++)
                    if (!twins.Values.Contains(i))
                        csv.WriteField(
                            r == 0 ? Columns.Label(row[i])
                            : twins.TryGetValue(i, out var j) ? Worded(row[i], j < row.Length ? row[j] : "")
                            : i < header.Length ? InWords(header[i], row[i])
                            : row[i]
                        );
                csv.NextRecord();
            }
        }
    }

    /// <summary>A cell of a contract column as people read it: codes in words, yes/no, reasons translated, decimal commas.</summary>
    private static string InWords(string column, string cell)
    {
        if (Columns.IsNumeric(column))
            return IsNumber(cell) ? cell.Replace('.', ',') : cell;
        return column switch
        {
            "resource" when Vocabulary.TryParseResource(cell, out var r) => Words.Of(r),
            "funding" when cell is "pool" or "agreement" => Words.Of(cell == "pool" ? Funding.Pool : Funding.Agreement),
            "stage" when cell is "primary" or "secondary" => Words.Of(cell == "primary" ? Stage.Primary : Stage.Secondary),
            "role" when cell is "psychopedagogue" or "ptsc" => Words.Role(cell),
            "weekday" when Vocabulary.Weekdays.IndexOf(cell) is >= 0 and var day => Words.Weekday(day),
            "same_locality" or "sai_referral" when cell is "true" or "false" => Words.YesNo(cell == "true"),
            "level" when cell is "region" or "area" or "locality" => Words.Of("level." + cell),
            "ace_pooling" when cell is "centre" or "area" => Words.Of("ace_pooling." + cell),
            _ => cell,
        };
    }

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
                using (Language.Use(language))
                    foreach (var k in known)
                        if (string.Equals(Columns.Label(k), header, StringComparison.OrdinalIgnoreCase))
                            return k;
            return header;
        }

        public string Value(string column, string cell) =>
            Codes.Value.TryGetValue((column, cell), out var code) ? code : cell;

        /// <summary>Every value's words in both languages to its code, built once: a cell is one look-up.</summary>
        private static readonly Lazy<Dictionary<(string Column, string Words), string>> Codes = new(() =>
        {
            var codes = new Dictionary<(string, string), string>();
            foreach (var language in Language.Supported)
                using (Language.Use(language))
                {
                    foreach (var r in Enum.GetValues<Resource>())
                        codes.TryAdd(("resource", Words.Of(r)), r.Name());
                    foreach (var f in new[] { Funding.Pool, Funding.Agreement })
                        codes.TryAdd(("funding", Words.Of(f)), f.Name());
                    foreach (var st in new[] { Stage.Primary, Stage.Secondary })
                        codes.TryAdd(("stage", Words.Of(st)), st.Name());
                    foreach (var role in new[] { "psychopedagogue", "ptsc" })
                        codes.TryAdd(("role", Words.Role(role)), role);
                    for (var d = 0; d < Vocabulary.Weekdays.Length; d++)
                        codes.TryAdd(("weekday", Words.Weekday(d)), Vocabulary.Weekdays[d]);
                    foreach (var column in new[] { "same_locality", "sai_referral" })
                    foreach (var yes in new[] { true, false })
                        codes.TryAdd((column, Words.YesNo(yes)), yes ? "true" : "false");
                    foreach (var level in new[] { "region", "area", "locality" })
                        codes.TryAdd(("level", Words.Of("level." + level)), level);
                    foreach (var pooling in new[] { "centre", "area" })
                        codes.TryAdd(("ace_pooling", Words.Of("ace_pooling." + pooling)), pooling);
                }
            return codes;
        });
    }

    /// <summary>
    /// One workbook of the folder's CSV tables, a sheet each (its file name), header frozen, filters on; the headers
    /// and the reasons in the reader's language, the codes and values as the files have them.
    /// </summary>
    public static void ToWorkbook(string folder)
    {
        var sheets = new Dictionary<string, List<Dictionary<string, object>>>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            var rows = Read(path);
            if (rows.Count == 0)
                continue;
            var header = rows[0];
            var twins = Twins(header);
            var file = Path.GetFileNameWithoutExtension(path);
            sheets[Sheet(Words.Of("sheet." + file) is var w && w != "sheet." + file ? w : file, sheets.Keys)] = rows.Skip(1)
                .Select(row =>
                {
                    var d = new Dictionary<string, object>(StringComparer.Ordinal);
                    // A workbook's string cells are never formulas: the CSV's apostrophe guard comes off.
                    for (var i = 0; i < header.Length; i++)
                    {
                        var cell = i < row.Length ? Staffing.Io.CsvFile.Unescape(row[i]) : "";
                        if (twins.Values.Contains(i))
                            continue;
                        d[header[i]] =
                            Columns.IsNumeric(header[i]) && IsNumber(cell)
                                ? decimal.Parse(cell, CultureInfo.InvariantCulture)
                            : twins.TryGetValue(i, out var j) ? Worded(cell, j < row.Length ? row[j] : "")
                            : InWords(header[i], cell);
                    }
                    return d;
                })
                .ToList();
        }
        if (sheets.Count == 0)
            return;
        using var stream = File.Create(Path.Combine(folder, Workbook));
        Save(stream, sheets);
    }

    /// <summary>
    /// Each explained column (reason, finding, text, warning) by index, to the index of its <c>_json</c> twin: the
    /// explanation as a value, worded in the reader's language, the twin itself left out of what people read.
    /// </summary>
    private static Dictionary<int, int> Twins(string[] header)
    {
        var twins = new Dictionary<int, int>();
        for (var i = 0; i < header.Length; i++)
            if (Array.IndexOf(header, header[i] + "_json") is >= 0 and var j)
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
