using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Staffing.Io;

/// <summary>
/// Writes one CSV file the contract's way: RFC 4180 quoting, "\n" line ends, invariant numbers, and text cells that
/// a spreadsheet would run as a formula (starting with = + - @) escaped with a leading apostrophe.
/// </summary>
public sealed class CsvOut : IDisposable
{
    private readonly CsvWriter writer;

    public CsvOut(TextWriter output)
    {
        writer = new CsvWriter(output, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            NewLine = "\n",
            InjectionOptions = InjectionOptions.None,
        });
    }

    public static CsvOut Create(string path) => new(new StreamWriter(path, false, new UTF8Encoding(false)));

    public CsvOut Row(params object?[] cells)
    {
        foreach (var cell in cells)
            writer.WriteField(cell switch
            {
                null => "",
                string s => Escape(s),
                bool b => b ? "true" : "false",
                double d => d.ToString("0.######", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => Escape(cell.ToString() ?? ""),
            });
        writer.NextRecord();
        return this;
    }

    public static string Escape(string s) => s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : s;

    public void Dispose() => writer.Dispose();
}
