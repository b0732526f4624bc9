using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Cli.Web;

namespace Staffing.Cli.Commands;

/// <summary>`staffing users`: who may use `serve` beyond this machine (add, remove, list).</summary>
public static class UsersCommand
{
    public static readonly Option<string> File = new("--users")
    {
        Description = "The users file (default users.json in the current folder)",
        DefaultValueFactory = _ => "users.json",
    };

    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command(
            "users",
            "Who may sign in to staffing serve: inspectors read, planners also pin, re-plan and adopt"
        );
        var name = new Argument<string>("name") { Description = "The user's name" };
        var role = new Option<string>("--role") { Description = "inspector (read only) or planner", Required = true };
        role.AcceptOnlyFromAmong([.. Users.Roles]);
        var add = new Command("add", "Add or replace a user; the password is read from standard input (first line)");
        add.Arguments.Add(name);
        add.Options.Add(role);
        add.Options.Add(File);
        add.SetAction(r =>
        {
            var console = services.GetRequiredService<Console>();
            var password = ReadPassword(console);
            Users.Add(r.GetValue(File)!, r.GetValue(name)!, r.GetValue(role)!, password);
            console.Error.WriteLine($"user {r.GetValue(name)} ({r.GetValue(role)}) stored in {r.GetValue(File)}");
            return ExitCode.Ok;
        });
        var remove = new Command("remove", "Remove a user");
        remove.Arguments.Add(name);
        remove.Options.Add(File);
        remove.SetAction(r =>
        {
            Users.Remove(r.GetValue(File)!, r.GetValue(name)!);
            services.GetRequiredService<Console>().Error.WriteLine($"user {r.GetValue(name)} removed");
            return ExitCode.Ok;
        });
        var list = new Command("list", "The users and their roles (never the passwords)");
        list.Options.Add(File);
        list.SetAction(r =>
        {
            foreach (var u in Users.Load(r.GetValue(File)!).All)
                services.GetRequiredService<Console>().Out.WriteLine($"{u.Name}\t{u.Role}");
            return ExitCode.Ok;
        });
        foreach (var c in new[] { add, remove, list })
            cmd.Subcommands.Add(c);
        return cmd;
    }

    /// <summary>A password from standard input: typed without echo on a terminal, else its first line.</summary>
    private static string ReadPassword(Console console)
    {
        if (!System.Console.IsInputRedirected)
        {
            console.Error.Write("password: ");
            var typed = new System.Text.StringBuilder();
            for (
                var key = System.Console.ReadKey(intercept: true);
                key.Key != ConsoleKey.Enter;
                key = System.Console.ReadKey(intercept: true)
            )
                if (key.Key == ConsoleKey.Backspace && typed.Length > 0)
                    typed.Length--;
                else if (!char.IsControl(key.KeyChar))
                    typed.Append(key.KeyChar);
            console.Error.WriteLine();
            return typed.ToString();
        }
        return System.Console.In.ReadLine()
            ?? throw InputException.Single("users add: found no password on standard input, expected one line");
    }
}
