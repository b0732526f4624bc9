using System.Collections.Concurrent;
using System.Threading.Channels;
using Staffing.Allocation;
using Staffing.Cli.Runs;
using Staffing.Io;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Web;

/// <summary>What a re-plan asked from the page is doing: queued (with its place), solving, done (the new run) or failed.</summary>
/// <remarks><paramref name="language"/>: the page's, for what the job says (its errors, the new run's default name).</remarks>
internal sealed class ReplanJob(long id, long fromRun, string who, string? name, string note, double timeLimit, string language)
{
    public string Language => language;

    public long Id => id;
    public long FromRun => fromRun;
    public string Who => who;
    public string? Name => name;
    public string Note => note;
    public double TimeLimit => timeLimit;

    private readonly Lock gate = new();

    public string State { get; private set; } = "queued";
    public long? Run { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<string> Conflicts { get; private set; } = [];
    public System.Diagnostics.Stopwatch Clock { get; } = new();

    public void Started()
    {
        lock (gate)
        {
            State = "solving";
            Clock.Start();
        }
    }

    public void Finished(long? run, string? error, IReadOnlyList<string>? conflicts = null)
    {
        lock (gate)
        {
            Clock.Stop();
            (State, Run, Error, Conflicts) = (run is null ? "failed" : "done", run, error, conflicts ?? []);
        }
    }
}

/// <summary>
/// Re-plans of the served scenario, one at a time (each takes the cores it needs), the rest waiting in order.
/// Each is stored as a new run; conflicting pins end it with the locks' explanation, nothing stored.
/// </summary>
internal sealed class ReplanQueue
{
    private readonly Channel<ReplanJob> channel = Channel.CreateUnbounded<ReplanJob>();
    private readonly ConcurrentDictionary<long, ReplanJob> jobs = new();
    private long next;

    public ReplanJob Enqueue(long fromRun, string who, string? name, string note, double timeLimit)
    {
        var job = new ReplanJob(
            Interlocked.Increment(ref next),
            fromRun,
            who,
            name,
            note,
            timeLimit,
            Staffing.Domain.Language.Current
        );
        jobs[job.Id] = job;
        channel.Writer.TryWrite(job);
        return job;
    }

    public ReplanJob? Find(long id) => jobs.GetValueOrDefault(id);

    /// <summary>1 for the next to start; 0 when it is no longer waiting. Jobs start in the order asked (ids).</summary>
    public int Position(ReplanJob job) =>
        job.State != "queued" ? 0 : jobs.Values.Count(j => j.State == "queued" && j.Id < job.Id) + 1;

    /// <summary>Runs the queue until the server stops.</summary>
    public async Task Work(Workspace workspace, Replanning replanning, CancellationToken stopping)
    {
        await foreach (var job in channel.Reader.ReadAllAsync(stopping))
        {
            using var language = Staffing.Domain.Language.Use(job.Language);
            job.Started();
            try
            {
                var from = workspace.Run(job.FromRun);
                var (_, _, id) = await Task.Run(
                    () =>
                        replanning.Replan(
                            workspace,
                            from,
                            "cp-sat",
                            new SolveSettings(job.TimeLimit, Environment.ProcessorCount, Cancel: stopping),
                            job.Who,
                            job.Name,
                            job.Note
                        ),
                    stopping
                );
                job.Finished(id, null);
            }
            catch (LockConflictException ex)
            {
                job.Finished(null, Texts.ApiPinsConflict, [.. ex.Conflicts.Select(Explain.Read)]);
            }
            catch (InputException ex)
            {
                job.Finished(null, string.Join("; ", ex.Messages));
            }
            catch (OperationCanceledException)
            {
                job.Finished(null, Texts.ApiStopping);
            }
        }
    }
}
