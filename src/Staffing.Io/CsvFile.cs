using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.Configuration.Attributes;
using CsvHelper.TypeConversion;

namespace Staffing.Io;

/// <summary>
/// Writes CSV the contract's way, from typed rows (one record per row, see CsvRows.cs): RFC 4180 quoting, "\n"
/// line ends, invariant numbers, snake-case column names from the record's members (or their Name attribute), booleans true/false, the
/// vocabulary's names for resources, stages and funding, and text cells that a spreadsheet would run as a formula
/// (starting with = + - @) escaped with a leading apostrophe.
/// </summary>
public static class CsvFile
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\n",
        InjectionOptions = InjectionOptions.None,
    };

    public static void Write<T>(string path, IEnumerable<T> rows)
    {
        using var w = new StreamWriter(path, false, Utf8);
        Write(w, rows);
    }

    public static void Write<T>(TextWriter output, IEnumerable<T> rows)
    {
        using var csv = Writer(output);
        csv.Context.RegisterClassMap(new RowMap<T>());
        csv.WriteHeader<T>();
        csv.NextRecord();
        foreach (var row in rows)
        {
            csv.WriteRecord(row);
            csv.NextRecord();
        }
    }

    /// <summary>A table built in memory, each cell formatted as the typed rows are.</summary>
    public static void Write(string path, Table table)
    {
        using var w = new StreamWriter(path, false, Utf8);
        using var csv = Writer(w);
        foreach (var c in table.Columns)
            csv.Field(c.Name);
        csv.NextRecord();
        foreach (var row in table.Rows)
        {
            for (var i = 0; i < row.Length; i++)
                csv.Field(row[i] is IFormattable f && table.Columns[i].Format is { } format ? f.ToString(format, CultureInfo.InvariantCulture) : row[i]);
            csv.NextRecord();
        }
    }

    /// <summary>A record's columns as its CSV file has them: name, number format and the member's value.</summary>
    internal static IReadOnlyList<(string Name, string? Format, Func<object, object?> Value)> Members<T>() =>
        [
            .. new RowMap<T>().MemberMaps.Select(m =>
            {
                var member = (PropertyInfo)m.Data.Member!;
                return (m.Data.Names[0], m.Data.TypeConverterOptions.Formats?.FirstOrDefault(), (Func<object, object?>)member.GetValue);
            }),
        ];

    /// <summary>A writer of the same dialect for a file whose columns depend on the data (itinerants.csv).</summary>
    public static CsvWriter Writer(TextWriter output) => new(output, Configuration, leaveOpen: true);

    /// <summary>One cell of such a file, formatted as the typed rows are.</summary>
    public static void Field(this CsvWriter csv, object? cell) =>
        csv.WriteField(
            cell switch
            {
                null => "",
                string s => Escape(s),
                bool b => b ? "true" : "false",
                Enum e => Vocabulary.Text(e),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => Escape(cell.ToString() ?? ""),
            }
        );

    /// <summary>A text cell a spreadsheet would take for a formula gets a leading apostrophe (the formula guard).</summary>
    public static string Escape(string s) => s.Length > 0 && IsFormulaStart(s[0]) ? "'" + s : s;

    /// <summary>The guard taken off again, so what this program wrote reads back as it was.</summary>
    public static string Unescape(string s) => s.Length > 1 && s[0] == '\'' && IsFormulaStart(s[1]) ? s[1..] : s;

    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>A record's members in declaration order, named in snake case, each with its cell converter.</summary>
    private sealed class RowMap<T> : ClassMap<T>
    {
        public RowMap()
        {
            AutoMap(CultureInfo.InvariantCulture);
            foreach (var m in MemberMaps)
            {
                var member = m.Data.Member!;
                if (member.GetCustomAttribute<NameAttribute>() is null)
                    m.Name(JsonNamingPolicy.SnakeCaseLower.ConvertName(member.Name));
                var type = Nullable.GetUnderlyingType(member.MemberType()) ?? member.MemberType();
                if (type == typeof(string))
                    m.TypeConverter(new TextCell());
                else if (type == typeof(bool))
                    m.TypeConverter(new BoolCell());
                else if (type.IsEnum)
                    m.TypeConverter(new VocabularyCell());
                else if (type == typeof(double) && member.GetCustomAttribute<FormatAttribute>() is null)
                    m.TypeConverterOption.Format("0.######");
            }
        }
    }

    private sealed class TextCell : StringConverter
    {
        public override string? ConvertToString(object? value, IWriterRow row, MemberMapData memberMapData) =>
            value is string s ? Escape(s) : "";
    }

    private sealed class BoolCell : DefaultTypeConverter
    {
        public override string? ConvertToString(object? value, IWriterRow row, MemberMapData memberMapData) =>
            value is bool b ? (b ? "true" : "false") : "";
    }

    private sealed class VocabularyCell : DefaultTypeConverter
    {
        public override string? ConvertToString(object? value, IWriterRow row, MemberMapData memberMapData) =>
            value is Enum e ? Vocabulary.Text(e) : "";
    }
}
