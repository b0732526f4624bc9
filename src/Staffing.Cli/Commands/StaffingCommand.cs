using System.CommandLine;

namespace Staffing.Cli.Commands;

/// <summary>The `staffing` root command: one subcommand per file in this folder.</summary>
public static class StaffingCommand
{
    public static RootCommand Create(IServiceProvider services)
    {
        var root = new RootCommand(
            "staffing: compensatory-education staffing by the Madrid regulation of 21 July 2006 (docs/rules.md)"
        );
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
        ];
        foreach (var create in commands)
            root.Subcommands.Add(create(services));
        return root;
    }
}
