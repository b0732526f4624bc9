using System.CommandLine;
using Staffing.Io;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Commands;

/// <summary>--db of every command that reads or writes the workspace, and who is doing it.</summary>
internal static class WorkspaceOptions
{
    private const string Db = "--db";

    /// <summary>Adds --db to the command.</summary>
    public static void AddDb(Command command) =>
        command.Options.Add(
            new Option<string>(Db)
            {
                Description = Say.Format(Texts.DbOption, Workspace.DefaultFile),
                DefaultValueFactory = _ => Workspace.DefaultFile,
            }
        );

    /// <summary>Adds the run argument to the command.</summary>
    public static Argument<long> AddRun(Command command)
    {
        var run = new Argument<long>("run") { Description = Texts.RunArgument };
        command.Arguments.Add(run);
        return run;
    }

    /// <summary>The workspace of the command; only a command that stores may create it.</summary>
    public static Workspace Open(ParseResult r, bool create = false) => Workspace.Open(r.GetValue<string>(Db)!, create);

    /// <summary>Who a command-line change is stored as: the account running it.</summary>
    public static string Who => Environment.UserName;
}
