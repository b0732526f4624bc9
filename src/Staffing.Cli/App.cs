using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Staffing.Allocation;
using Staffing.Cli.Commands;
using Staffing.Domain;
using Staffing.Cli.Localization;
using Staffing.Cli.Signals;

namespace Staffing.Cli;

/// <summary>The `staffing` program: the host, the command line, and each kind of failure as its exit code.</summary>
internal static class App
{
    /// <summary>An unknown first word answered with the command it is nearest to (at most two edits away).</summary>
    private static string? Misspelled(System.CommandLine.Command root, string[] given)
    {
        var args = WithoutLanguage(given);
        if (args.Length == 0 || args[0].StartsWith('-') || root.Subcommands.Any(c => c.Name == args[0]))
            return null;
        var nearest = root
            .Subcommands.Select(c => (c.Name, Distance: Edits(args[0].ToLowerInvariant(), c.Name)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .First();
        return nearest.Distance <= 2
            ? Say.Format(Texts.UsageDidYouMean, args[0], nearest.Name)
            : Say.Format(Texts.UsageUnknownCommand, args[0], string.Join(", ", root.Subcommands.Select(c => c.Name)));
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

    /// <summary>Where the command line gives --lang: the first argument it takes and how many (1 for --lang=es, 2 for --lang es).</summary>
    private static (int At, int Length, string Value)? LanguageArgument(string[] args)
    {
        const string name = StaffingCommand.LanguageName;
        for (var i = 0; i < args.Length && args[i] != "--"; i++)
        {
            if (args[i] == name && i + 1 < args.Length)
                return (i, 2, args[i + 1]);
            if (args[i].Length > name.Length && args[i].StartsWith(name, StringComparison.Ordinal) && args[i][name.Length] is '=' or ':')
                return (i, 1, args[i][(name.Length + 1)..]);
        }
        return null;
    }

    /// <summary>The language a command line asks for with --lang (null when it names none of ours: the parser says so).</summary>
    private static string? Asked(string[] args) =>
        LanguageArgument(args) is { Value: var v } && Language.Supported.Contains(v) ? v : null;

    private static string[] WithoutLanguage(string[] args) =>
        LanguageArgument(args) is { } a ? [.. args[..a.At], .. args[(a.At + a.Length)..]] : args;

    /// <param name="environment">Where LC_ALL, LC_MESSAGES and LANG are read (the process's own by default).</param>
    public static int Run(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        Interruption? interruption = null,
        Func<string, string?>? environment = null
    )
    {
        // Help, messages and every text people read follow the language; set before the commands describe themselves.
        using var language = Language.Use(
            Asked(args) ?? Language.FromEnvironment(environment ?? Environment.GetEnvironmentVariable)
        );
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
            new Commands.Terminal(stdout, stderr, signals.Token, System.Diagnostics.Stopwatch.StartNew())
        );
        builder.Services.AddSingleton(signals);
        using var host = builder.Build();
        var root = StaffingCommand.Create(host.Services);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            if (Misspelled(root, args) is { } hint)
            {
                stderr.WriteLine(Texts.UsagePrefix + hint);
                stderr.WriteLine(Texts.UsageSeeHelp);
                return ExitCode.BadInput;
            }
            foreach (var e in parsed.Errors)
                stderr.WriteLine(Texts.UsagePrefix + e.Message);
            stderr.WriteLine(Texts.UsageSeeHelp);
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
            stderr.WriteLine(Texts.Interrupted);
            return code;
        }
        catch (InputException ex)
        {
            foreach (var n in ex.Notes)
                stderr.WriteLine(Texts.NotePrefix + n);
            foreach (var m in ex.Messages)
                stderr.WriteLine(m);
            return ExitCode.BadInput;
        }
        catch (UnknownSolverException ex)
        {
            stderr.WriteLine(Say.Format(Texts.UnknownSolver, ex.Name, string.Join(", ", ex.Known)));
            return ExitCode.BadInput;
        }
        catch (LockConflictException ex)
        {
            stderr.WriteLine(Texts.LocksConflict);
            foreach (var c in ex.Conflicts)
                stderr.WriteLine("  " + Explain.Read(c));
            return ExitCode.Finding;
        }
        catch (OutOfMemoryException)
        {
            stderr.WriteLine(Texts.OutOfMemory);
            return ExitCode.BadInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(Texts.ErrorPrefix + ex.Message);
            return ExitCode.BadInput;
        }
    }
}
