using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Io;

namespace Staffing.Cli.Commands;

/// <summary>
/// --out and --force of a command that writes a folder: the path refusals checked before any work, the folder
/// written with the command's marker at the end (see <see cref="AtomicFolder"/>).
/// </summary>
public sealed class OutputOptions
{
    private static readonly Option<bool> Force = new("--force")
    {
        Description = "Replace an existing --out folder that holds files this program did not write (never the input)",
    };

    private static readonly Option<string> Dialect = new("--csv-dialect")
    {
        Description =
            "rfc4180 (default: ',' and '.', what other tools read) or excel-es (';', decimal comma, UTF-8 BOM: a double click in Spanish Excel)",
        DefaultValueFactory = _ => "rfc4180",
    };

    private static readonly Option<bool> Xlsx = new("--xlsx")
    {
        Description = "Also write tables.xlsx: every table of the folder as a sheet, header frozen, filters on",
    };

    static OutputOptions() => Dialect.AcceptOnlyFromAmong("rfc4180", "excel-es");

    private readonly Option<string?> output;

    /// <summary>The --out option itself, for a command's validator.</summary>
    public Option<string?> Option => output;
    private readonly string command;
    private readonly IServiceProvider services;

    /// <remarks>A second folder of the same command (<paramref name="name"/> other than --out) shares its --force, --csv-dialect and --xlsx.</remarks>
    public OutputOptions(
        IServiceProvider services,
        Command command,
        string description,
        bool required = true,
        string name = "--out"
    )
    {
        this.services = services;
        this.command = command.Name;
        output = new Option<string?>(name) { Description = description, Required = required };
        command.Options.Add(output);
        if (name != "--out")
            return;
        command.Options.Add(Force);
        command.Options.Add(Dialect);
        command.Options.Add(Xlsx);
    }

    public bool Given(ParseResult r) => r.GetValue(output) is not null;

    /// <summary>Refuses a path that could only destroy: call before reading or solving.</summary>
    public void Check(ParseResult r, params string?[] inputs)
    {
        if (Target(r, inputs) is { } t)
            AtomicFolder.CheckPath(t);
    }

    public void Write(ParseResult r, string?[] inputs, Action<string> fill) =>
        AtomicFolder.Write(
            Target(r, inputs) ?? throw new InvalidOperationException("--out is not given"),
            tmp =>
            {
                fill(tmp);
                // The workbook from the contract's files, before any dialect touches them.
                if (r.GetValue(Xlsx))
                    Reports.Tables.ToWorkbook(tmp);
                if (r.GetValue(Dialect) == "excel-es")
                    Reports.Tables.ToExcelEs(tmp);
            }
        );

    private AtomicFolder.Target? Target(ParseResult r, string?[] inputs)
    {
        if (r.GetValue(output) is not { } path)
            return null;
        var interruption = services.GetRequiredService<Interruption>();
        return new(
            path,
            command,
            [.. inputs.OfType<string>()],
            r.GetValue(Force),
            interruption.Token,
            (temp, open) =>
            {
                if (open)
                    interruption.Writing(temp);
                else
                    interruption.Written(temp);
            }
        );
    }
}
