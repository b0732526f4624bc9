using Spectre.Console;
using Staffing.Cli.Localization;
using Staffing.Cli.Signals;

namespace Staffing.Cli.Commands;

/// <summary>Where a command writes for people (stdout) and notes (stderr).</summary>
/// <remarks>
/// <paramref name="Interrupted"/>: cancelled by Ctrl-C or SIGTERM (see <see cref="Interruption"/>);
/// <paramref name="Started"/>: the command's clock, so --time-limit bounds its wall time.
/// </remarks>
internal sealed record Terminal(
    TextWriter Out,
    TextWriter Error,
    CancellationToken Interrupted = default,
    System.Diagnostics.Stopwatch? Started = null
)
{
    /// <summary>Progress is shown only on a terminal: never into a redirected stderr or a test's writer.</summary>
    public bool ErrorIsTerminal => ReferenceEquals(Error, System.Console.Error) && !System.Console.IsErrorRedirected;

    public void Notes(IEnumerable<string> notes)
    {
        foreach (var n in notes)
            Error.WriteLine(Texts.NotePrefix + n);
    }

    /// <summary>A progress bar on a terminal (Spectre.Console, on stderr); nothing when stderr is redirected.</summary>
    public T WithProgress<T>(string what, int total, Func<IProgress<int>?, T> work)
    {
        if (!ErrorIsTerminal)
            return work(null);
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
        T result = default!;
        ansi.Progress()
            .Start(ctx =>
            {
                var task = ctx.AddTask(what, maxValue: total);
                result = work(new Progress<int>(done => task.Value = done));
            });
        return result;
    }
}

/// <summary>A solver's progress lines on stderr, only on a terminal.</summary>
internal sealed class ProgressLines(Terminal console) : IProgress<string>
{
    public void Report(string value)
    {
        if (console.ErrorIsTerminal)
            console.Error.WriteLine(value);
    }
}

/// <summary>The exit codes of every command: 0 success, 1 a blocking finding, 2 bad input or usage.</summary>
internal static class ExitCode
{
    public const int Ok = 0,
        Finding = 1,
        BadInput = 2;
}
