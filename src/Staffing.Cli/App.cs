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
    /// <summary>An unknown first word answered with the command it is nearest to (at most two edits away).</summary>
    private static string? Misspelled(System.CommandLine.Command root, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || root.Subcommands.Any(c => c.Name == args[0]))
            return null;
        var nearest = root
            .Subcommands.Select(c => (c.Name, Distance: Edits(args[0].ToLowerInvariant(), c.Name)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .First();
        return nearest.Distance <= 2
            ? $"found command '{args[0]}', expected one of staffing's commands: did you mean '{nearest.Name}'?"
            : $"found command '{args[0]}', expected one of {string.Join(", ", root.Subcommands.Select(c => c.Name))}";
    }

    /// <summary>Levenshtein distance.</summary>
    private static int Edits(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var up = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = up;
            }
        }
        return row[b.Length];
    }

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
            if (Misspelled(root, args) is { } hint)
            {
                stderr.WriteLine("usage: " + hint);
                stderr.WriteLine("See 'staffing --help'.");
                return ExitCode.BadInput;
            }
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
