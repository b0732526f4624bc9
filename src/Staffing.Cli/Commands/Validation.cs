using System.CommandLine;
using System.CommandLine.Parsing;

namespace Staffing.Cli.Commands;

/// <summary>Checks that run only on values that parsed: one that did not is already its own error (exit 2, "usage:").</summary>
internal static class Validation
{
    public static void Add(Option option, Action<OptionResult> validate) =>
        option.Validators.Add(r =>
        {
            try
            {
                validate(r);
            }
            catch (InvalidOperationException)
            {
                // Reported by System.CommandLine as the value's own parse error.
            }
        });

    public static void Add(Command command, Action<CommandResult> validate) =>
        command.Validators.Add(r =>
        {
            try
            {
                validate(r);
            }
            catch (InvalidOperationException)
            {
                // A value that did not parse: System.CommandLine reports it (exit 2 with "usage:").
            }
        });
}
