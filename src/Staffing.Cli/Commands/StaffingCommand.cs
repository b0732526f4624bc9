using System.CommandLine;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Commands;

/// <summary>The `staffing` root command: one subcommand per file in this folder.</summary>
internal static class StaffingCommand
{
    public const string LanguageName = "--lang";

    public static RootCommand Create(IServiceProvider services)
    {
        var root = new RootCommand(Texts.RootDescription);
        // Read before parsing, so the help is already in it; declared here so every command accepts it.
        var language = new Option<string>(LanguageName)
        {
            Description = Texts.LanguageDescription,
            Recursive = true,
            HelpName = string.Join("|", Language.Supported),
        };
        language.AcceptOnlyFromAmong([.. Language.Supported]);
        root.Options.Add(language);
        Func<IServiceProvider, Command>[] commands =
        [
            EntitlementCommand.Create,
            PlanCommand.Create,
            VerifyCommand.Create,
            AuditCommand.Create,
            EquityCommand.Create,
            CompareCommand.Create,
            SweepCommand.Create,
            SimulateCommand.Create,
            ReportCommand.Create,
            ServeCommand.Create,
            RunsCommand.Create,
            ShowCommand.Create,
            DiffCommand.Create,
            PinCommand.Create,
            AdoptCommand.Create,
            UsersCommand.Create,
            GenerateCommand.Create,
            RulesCommand.Create,
            NoticesCommand.Create,
        ];
        foreach (var create in commands)
            root.Subcommands.Add(create(services));
        return root;
    }
}
