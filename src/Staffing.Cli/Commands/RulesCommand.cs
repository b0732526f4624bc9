using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Cli.Reports;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Commands;

/// <summary>`staffing rules`: the rule book and its parameters, as docs/rules.md is written.</summary>
internal static class RulesCommand
{
    public static Command Create(IServiceProvider services)
    {
        var format = new Option<string>("--format") { Description = Texts.RulesFormatOption, DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md");
        var cmd = new Command("rules", Texts.RulesDescription);
        cmd.Options.Add(format);
        cmd.SetAction(r =>
        {
            services.GetRequiredService<Terminal>().Out.Write(RulesDocument.Markdown());
            return ExitCode.Ok;
        });
        return cmd;
    }
}
