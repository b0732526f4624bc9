using System.CommandLine;
using System.Text;
using Staffing.Io;

namespace Staffing.Cli.Commands;

/// <summary>
/// The options of every command that reads a scenario, read one way: --strict, --delimiter, --encoding, --policy,
/// with the reading notes (what was detected or ignored) on stderr.
/// </summary>
public static class ScenarioInput
{
    private static readonly Option<bool> Strict = new("--strict")
    {
        Description = "Unknown columns are errors, not warnings",
    };

    private static readonly Option<string?> Delimiter = new("--delimiter")
    {
        Description = "Force the CSV separator: ',' or ';' (default: detected)",
    };

    private static readonly Option<string?> Encoding = new("--encoding")
    {
        Description = "Force the CSV encoding: utf-8 or windows-1252 (default: detected)",
    };

    private static readonly Option<string?> PolicyFile = new("--policy")
    {
        Description = "A policy.json of overrides applied after the scenario's own",
    };

    static ScenarioInput()
    {
        Validation.Add(
            Delimiter,
            r =>
            {
                if (r.GetValueOrDefault<string?>() is { } d && ParseDelimiter(d) is null)
                    r.AddError($"--delimiter: found \"{d}\", expected ',' or ';'");
            }
        );
        Validation.Add(
            Encoding,
            r =>
            {
                if (r.GetValueOrDefault<string?>() is { } e && ParseEncoding(e) is null)
                    r.AddError($"--encoding: found \"{e}\", expected utf-8 or windows-1252");
            }
        );
    }

    /// <summary>A scenario folder argument with the input options.</summary>
    public static Argument<string> AddTo(
        Command command,
        string name = "scenario",
        string description =
            "A scenario folder (centres.csv and optional pool.csv, eoep.csv, current.csv, locks.csv, "
            + "policy.json; see docs/scenario-format.md)",
        bool optional = false
    )
    {
        var argument = new Argument<string>(name) { Description = description };
        if (optional)
            argument.Arity = ArgumentArity.ZeroOrOne;
        command.Arguments.Add(argument);
        AddOptions(command);
        return argument;
    }

    /// <summary>The input options alone, for a command whose scenario is an option (report --scenario).</summary>
    public static void AddOptions(Command command)
    {
        foreach (var o in new Option[] { Strict, Delimiter, Encoding, PolicyFile })
            command.Options.Add(o);
    }

    /// <summary>Reads a scenario folder with the command's input options; a variant policy file goes last.</summary>
    public static Scenario Read(ParseResult r, string folder, Console console, string? variantPolicy = null)
    {
        var options = new CsvOptions(
            r.GetValue(Delimiter) is { } d ? ParseDelimiter(d) : null,
            r.GetValue(Encoding) is { } e ? ParseEncoding(e) : null,
            r.GetValue(Strict)
        );
        var s = ScenarioReader.Read(folder, options, r.GetValue(PolicyFile), variantPolicy);
        console.Notes(s.Notes);
        return s;
    }

    /// <summary>The reading options as given, for a stored run to be read again the same way.</summary>
    public static (string? Delimiter, string? Encoding, bool Strict) Given(ParseResult r) =>
        (
            r.GetValue(Delimiter) is { } d ? ParseDelimiter(d)?.ToString() : null,
            r.GetValue(Encoding) is { } e ? ParseEncoding(e)?.WebName : null,
            r.GetValue(Strict)
        );

    /// <summary>The --policy file given, if any.</summary>
    public static string? Policy(ParseResult r) => r.GetValue(PolicyFile);

    private static char? ParseDelimiter(string d) =>
        d switch
        {
            "," or "comma" => ',',
            ";" or "semicolon" => ';',
            _ => null,
        };

    private static System.Text.Encoding? ParseEncoding(string e) =>
        e.ToLowerInvariant() switch
        {
            "utf-8" or "utf8" => new UTF8Encoding(false),
            "windows-1252" or "cp1252" or "latin1" => System.Text.Encoding.GetEncoding(1252),
            _ => null,
        };
}
