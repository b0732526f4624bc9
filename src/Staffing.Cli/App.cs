using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Staffing.Allocation;
using Staffing.Cli.Commands;
using Staffing.Domain;

namespace Staffing.Cli;

/// <summary>The `staffing` program: the host, the command line, and each kind of failure as its exit code.</summary>
public static class App
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Interruption? interruption = null)
    {
        using var own = interruption is null ? Interruption.None() : null;
        var signals = interruption ?? own!;
        var builder = Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] }
        );
        builder.Services.AddSingleton<IAllocator, CpSatAllocator>();
        builder.Services.AddSingleton<IAllocator, GreedyAllocator>();
        builder.Services.AddSingleton<Planner>();
        builder.Services.AddSingleton<Cli.Runs.Replanning>();
        builder.Services.AddSingleton(
            new Commands.Console(stdout, stderr, signals.Token, System.Diagnostics.Stopwatch.StartNew())
        );
        builder.Services.AddSingleton(signals);
        using var host = builder.Build();
        var root = StaffingCommand.Create(host.Services);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var e in parsed.Errors)
                stderr.WriteLine("usage: " + e.Message);
            stderr.WriteLine("See 'staffing --help'.");
            return ExitCode.BadInput;
        }
        try
        {
            var exit = parsed.Invoke(
                new InvocationConfiguration
                {
                    Output = stdout,
                    Error = stderr,
                    EnableDefaultExceptionHandler = false,
                    // Signals are ours (Interruption), not the library's.
                    ProcessTerminationTimeout = null,
                }
            );
            return signals.ExitCode ?? exit;
        }
        catch (OperationCanceledException) when (signals.ExitCode is { } code)
        {
            stderr.WriteLine("interrupted: nothing written");
            return code;
        }
        catch (InputException ex)
        {
            foreach (var n in ex.Notes)
                stderr.WriteLine("note: " + n);
            foreach (var m in ex.Messages)
                stderr.WriteLine(m);
            return ExitCode.BadInput;
        }
        catch (UnknownSolverException ex)
        {
            stderr.WriteLine($"--solver: found \"{ex.Name}\", expected one of {string.Join(", ", ex.Known)}");
            return ExitCode.BadInput;
        }
        catch (LockConflictException ex)
        {
            stderr.WriteLine("Locks conflict; no plan written:");
            foreach (var c in ex.Conflicts)
                stderr.WriteLine("  " + c);
            return ExitCode.Finding;
        }
        catch (OutOfMemoryException)
        {
            stderr.WriteLine("error: the scenario is too large for this machine's memory; nothing written");
            return ExitCode.BadInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCode.BadInput;
        }
    }
}
