using System.CommandLine;
using Staffing.Io;

namespace Staffing.Cli.Commands;

/// <summary>--db of every command that reads or writes the workspace, and who is doing it.</summary>
public static class WorkspaceOptions
{
    public static readonly Option<string> Db = new("--db")
    {
        Description = $"The workspace file (SQLite; default {Workspace.DefaultFile} in the current folder)",
        DefaultValueFactory = _ => Workspace.DefaultFile,
    };

    public static readonly Argument<long> Run = new("run") { Description = "A run id, as listed by staffing runs" };

    /// <summary>The workspace of the command; only a command that stores may create it.</summary>
    public static Workspace Open(ParseResult r, bool create = false) => Workspace.Open(r.GetValue(Db)!, create);

    /// <summary>Who a command-line change is stored as: the account running it.</summary>
    public static string Who => Environment.UserName;
}
