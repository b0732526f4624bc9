using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Staffing.Allocation;
using Staffing.Domain;

namespace Staffing.Cli;

/// <summary>The `staffing` command: exit 0 success, 1 a blocking finding, 2 bad input or usage.</summary>
public static class App
{
    public const int Ok = 0, Finding = 1, BadInput = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Services.AddSingleton<IAllocator, CpSatAllocator>();
        builder.Services.AddSingleton<IAllocator, GreedyAllocator>();
        builder.Services.AddSingleton<Planner>();
        builder.Services.AddSingleton(new Console(stdout, stderr));
        using var host = builder.Build();
        var root = Commands.StaffingCommand.Create(host.Services);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var e in parsed.Errors) stderr.WriteLine("usage: " + e.Message);
            stderr.WriteLine("See 'staffing --help'.");
            return BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (InputException ex)
        {
            foreach (var n in ex.Notes) stderr.WriteLine("note: " + n);
            foreach (var m in ex.Messages) stderr.WriteLine(m);
            return BadInput;
        }
        catch (UnknownSolverException ex)
        {
            stderr.WriteLine($"--solver: found \"{ex.Name}\", expected one of {string.Join(", ", ex.Known)}");
            return BadInput;
        }
        catch (LockConflictException ex)
        {
            stderr.WriteLine("Locks conflict; no plan written:");
            foreach (var c in ex.Conflicts) stderr.WriteLine("  " + c);
            return Finding;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return BadInput;
        }
    }
}
