using System.CommandLine;
using System.Text;
using Staffing.Io;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Commands;

/// <summary>
/// The options of every command that reads a scenario, read one way: --strict, --delimiter, --encoding, --policy,
/// with the reading notes (what was detected or ignored) on stderr.
/// </summary>
internal static class ScenarioInput
{
    private const string Strict = "--strict",
        Delimiter = "--delimiter",
        Encoding = "--encoding",
        PolicyFile = "--policy";

    /// <summary>A scenario folder argument with the input options.</summary>
    public static Argument<string> AddTo(
        Command command,
        string name = "scenario",
        string? description = null,
        bool optional = false
    )
    {
        var argument = new Argument<string>(name) { Description = description ?? Texts.ScenarioArgument };
        if (optional)
            argument.Arity = ArgumentArity.ZeroOrOne;
        command.Arguments.Add(argument);
        AddOptions(command);
        return argument;
    }

    /// <summary>The input options alone, for a command whose scenario is an option (report --scenario).</summary>
    public static void AddOptions(Command command)
    {
        var delimiter = new Option<string?>(Delimiter) { Description = Texts.DelimiterOption };
        Validation.Add(
            delimiter,
            r =>
            {
                if (r.GetValueOrDefault<string?>() is { } d && ParseDelimiter(d) is null)
                    r.AddError(Say.Format(Texts.DelimiterFound, d));
            }
        );
        var encoding = new Option<string?>(Encoding) { Description = Texts.EncodingOption };
        Validation.Add(
            encoding,
            r =>
            {
                if (r.GetValueOrDefault<string?>() is { } e && ParseEncoding(e) is null)
                    r.AddError(Say.Format(Texts.EncodingFound, e));
            }
        );
        command.Options.Add(new Option<bool>(Strict) { Description = Texts.StrictOption });
        command.Options.Add(delimiter);
        command.Options.Add(encoding);
        command.Options.Add(new Option<string?>(PolicyFile) { Description = Texts.PolicyOption });
    }

    /// <summary>Reads a scenario folder with the command's input options; a variant policy file goes last.</summary>
    public static Scenario Read(ParseResult r, string folder, Terminal console, string? variantPolicy = null)
    {
        var options = new CsvOptions(
            r.GetValue<string?>(Delimiter) is { } d ? ParseDelimiter(d) : null,
            r.GetValue<string?>(Encoding) is { } e ? ParseEncoding(e) : null,
            r.GetValue<bool>(Strict)
        );
        var s = ScenarioReader.Read(folder, options, r.GetValue<string?>(PolicyFile), variantPolicy);
        console.Notes(s.Notes);
        return s;
    }

    /// <summary>The reading options as given, for a stored run to be read again the same way.</summary>
    public static (string? Delimiter, string? Encoding, bool Strict) Given(ParseResult r) =>
        (
            r.GetValue<string?>(Delimiter) is { } d ? ParseDelimiter(d)?.ToString() : null,
            r.GetValue<string?>(Encoding) is { } e ? ParseEncoding(e)?.WebName : null,
            r.GetValue<bool>(Strict)
        );

    /// <summary>The --policy file given, if any.</summary>
    public static string? Policy(ParseResult r) => r.GetValue<string?>(PolicyFile);

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
