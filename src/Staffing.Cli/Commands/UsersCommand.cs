using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Cli.Web;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Commands;

/// <summary>`staffing users`: who may use `serve` beyond this machine (add, remove, list).</summary>
internal static class UsersCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command("users", Texts.UsersDescription);
        var name = new Argument<string>("name") { Description = Texts.UserNameArgument };
        var role = new Option<string>("--role") { Description = Texts.RoleOption, Required = true };
        role.AcceptOnlyFromAmong([.. Users.Roles]);
        var file = new Option<string>("--users")
        {
            Description = Texts.UsersFileOption,
            DefaultValueFactory = _ => "users.json",
        };
        var add = new Command("add", Texts.UsersAddDescription);
        add.Arguments.Add(name);
        add.Options.Add(role);
        add.Options.Add(file);
        add.SetAction(r =>
        {
            var console = services.GetRequiredService<Terminal>();
            var password = ReadPassword(console);
            Users.Add(r.GetValue(file)!, r.GetValue(name)!, r.GetValue(role)!, password);
            console.Error.WriteLine(Say.Format(Texts.UserStored, r.GetValue(name), r.GetValue(role), r.GetValue(file)));
            return ExitCode.Ok;
        });
        var remove = new Command("remove", Texts.UsersRemoveDescription);
        remove.Arguments.Add(name);
        remove.Options.Add(file);
        remove.SetAction(r =>
        {
            Users.Remove(r.GetValue(file)!, r.GetValue(name)!);
            services.GetRequiredService<Terminal>().Error.WriteLine(Say.Format(Texts.UserRemoved, r.GetValue(name)));
            return ExitCode.Ok;
        });
        var list = new Command("list", Texts.UsersListDescription);
        list.Options.Add(file);
        list.SetAction(r =>
        {
            foreach (var u in Users.Load(r.GetValue(file)!).All)
                services.GetRequiredService<Terminal>().Out.WriteLine($"{u.Name}\t{u.Role}");
            return ExitCode.Ok;
        });
        foreach (var c in new[] { add, remove, list })
            cmd.Subcommands.Add(c);
        return cmd;
    }

    /// <summary>A password from standard input: typed without echo on a terminal, else its first line.</summary>
    private static string ReadPassword(Terminal console)
    {
        if (!System.Console.IsInputRedirected)
        {
            console.Error.Write(Texts.PasswordPrompt);
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
            ?? throw InputException.Single(Texts.NoPassword);
    }
}
