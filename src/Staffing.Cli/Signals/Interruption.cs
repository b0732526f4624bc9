using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Staffing.Cli.Signals;

/// <summary>
/// Ctrl-C and SIGTERM, handled in .NET (CP-SAT's own SIGINT handler is off: it allocates inside the handler and can
/// deadlock): the first signal cancels the token, which stops every search and every write before it commits, so
/// the command ends with 130 (SIGINT) or 143 (SIGTERM) having written nothing. If the work has not stopped within
/// <see cref="Grace"/>, the process exits anyway, first removing the half-written temporary folders it started.
/// </summary>
internal sealed class Interruption : IDisposable
{
    public static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(800);

    private readonly CancellationTokenSource cancel = new();
    private readonly List<PosixSignalRegistration> registrations = [];
    private readonly ConcurrentDictionary<string, byte> temporaries = new(StringComparer.Ordinal);
    private int code;
    private readonly Lock gate = new();
    private bool deferring;
    private bool committed;
    private PosixSignal? deferred;

    public CancellationToken Token => cancel.Token;

    /// <summary>130 or 143 once a signal came; null before.</summary>
    public int? ExitCode => code == 0 ? null : code;

    /// <summary>Signals handled for this process (the real program; in-process tests use <see cref="None"/>).</summary>
    public static Interruption Listen()
    {
        var i = new Interruption();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
            i.registrations.Add(PosixSignalRegistration.Create(signal, i.On));
        return i;
    }

    public static Interruption None() => new();

    /// <summary>A temporary output path being written, removed if the grace period runs out.</summary>
    public void Writing(string temporary) => temporaries[temporary] = 0;

    public void Written(string temporary) => temporaries.TryRemove(temporary, out _);

    /// <summary>
    /// Stores something for good (a run, an adoption): a signal that comes while it commits waits for the outcome;
    /// once it is committed the command ends as if no signal had come (exit 0), so a script that retries on 130 or
    /// 143 never stores it twice. A commit that fails lets the waiting signal act.
    /// </summary>
    public T Commit<T>(Func<T> store)
    {
        lock (gate)
        {
            cancel.Token.ThrowIfCancellationRequested();
            deferring = true;
        }
        try
        {
            var result = store();
            lock (gate)
                (committed, deferring) = (true, false);
            return result;
        }
        catch
        {
            PosixSignal? waiting;
            lock (gate)
                (deferring, waiting, deferred) = (false, deferred, null);
            if (waiting is { } signal)
                Act(signal);
            throw;
        }
    }

    private void On(PosixSignalContext context)
    {
        context.Cancel = true;
        lock (gate)
        {
            if (committed)
                return;
            if (deferring)
            {
                deferred ??= context.Signal;
                return;
            }
        }
        Act(context.Signal);
    }

    private void Act(PosixSignal signal)
    {
        if (Interlocked.CompareExchange(ref code, signal == PosixSignal.SIGINT ? 130 : 143, 0) != 0)
            return;
        new Thread(() =>
        {
            Thread.Sleep(Grace);
            foreach (var path in temporaries.Keys)
                try
                {
                    if (Directory.Exists(path))
                        Directory.Delete(path, true);
                    else
                        File.Delete(path);
                }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            Environment.Exit(code);
        })
        {
            IsBackground = true,
        }.Start();
        cancel.Cancel();
    }

    public void Dispose()
    {
        foreach (var r in registrations)
            r.Dispose();
        cancel.Dispose();
    }
}
