using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Io;
using Staffing.Cli.Localization;
using Staffing.Cli.Signals;

namespace Staffing.Cli.Commands;

/// <summary>
/// --out and --force of a command that writes a folder: the path refusals checked before any work, the folder
/// written with the command's marker at the end (see <see cref="AtomicFolder"/>).
/// </summary>
internal sealed class OutputOptions
{
    private readonly Option<string?> output;

    /// <summary>The --out option itself, for a command's validator.</summary>
    public Option<string?> Option => output;
    private readonly string command;
    private readonly IServiceProvider services;
    private readonly Option<bool> force;
    private readonly Option<string> dialect;
    private readonly Option<bool> xlsx;

    /// <remarks>A second folder of the same command (<paramref name="name"/> other than --out) shares the first's --force, --csv-dialect and --xlsx.</remarks>
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
        force = Shared(command, new Option<bool>("--force") { Description = Texts.ForceOption });
        dialect = new Option<string>("--csv-dialect")
        {
            Description = Texts.CsvDialectOption,
            DefaultValueFactory = _ => "rfc4180",
        };
        dialect.AcceptOnlyFromAmong("rfc4180", "excel-es");
        dialect = Shared(command, dialect);
        xlsx = Shared(command, new Option<bool>("--xlsx") { Description = Texts.XlsxOption });
    }

    /// <summary>The command's option of that name when a first folder added it, else this one, added.</summary>
    private static Option<T> Shared<T>(Command command, Option<T> option)
    {
        if (command.Options.OfType<Option<T>>().FirstOrDefault(o => o.Name == option.Name) is { } added)
            return added;
        command.Options.Add(option);
        return option;
    }

    public bool Given(ParseResult r) => r.GetValue(output) is not null;

    /// <summary>Whether the files were asked for people: --csv-dialect excel-es or --xlsx.</summary>
    public bool ForPeople(ParseResult r) => r.GetValue(dialect) == "excel-es" || r.GetValue(xlsx);

    /// <summary>Refuses a path that could only destroy: call before reading or solving.</summary>
    public void Check(ParseResult r, params string?[] inputs)
    {
        if (Target(r, inputs) is { } t)
            AtomicFolder.CheckPath(t);
    }

    /// <summary>
    /// Fills the output folder whole or not at all: the tables written in the contract's dialect, then, from the
    /// tables in memory, the workbook (--xlsx) and Spanish Excel's CSV (--csv-dialect excel-es) for people.
    /// </summary>
    public void Write(ParseResult r, string?[] inputs, Action<TableFolder> fill) =>
        AtomicFolder.Write(
            Target(r, inputs) ?? throw new InvalidOperationException("--out is not given"),
            tmp =>
            {
                var folder = new TableFolder(tmp);
                fill(folder);
                if (r.GetValue(xlsx))
                    Reports.Tables.ToWorkbook(folder);
                if (r.GetValue(dialect) == "excel-es")
                    Reports.Tables.ToExcelEs(folder);
            }
        );

    /// <summary>The options that name an input file, whichever command has them.</summary>
    private static readonly string[] InputOptions = ["--policy", "--trends", "--plan", "--compare", "--users", "--db"];

    /// <summary>
    /// The files the command's options read, a workspace with its journal, WAL and shared-memory files: an output
    /// must not destroy them either.
    /// </summary>
    internal static IEnumerable<string> Inputs(ParseResult r)
    {
        foreach (var o in r.CommandResult.Command.Options.Where(o => InputOptions.Contains(o.Name)))
        {
            if (r.GetValue<string?>(o.Name) is not { } path)
                continue;
            yield return path;
            if (o.Name == "--db")
                foreach (var suffix in Workspace.Companions)
                    yield return path + suffix;
        }
    }

    private AtomicFolder.Target? Target(ParseResult r, string?[] inputs)
    {
        if (r.GetValue(output) is not { } path)
            return null;
        var interruption = services.GetRequiredService<Interruption>();
        return new(
            path,
            command,
            [.. inputs.OfType<string>(), .. Inputs(r)],
            r.GetValue(force),
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
