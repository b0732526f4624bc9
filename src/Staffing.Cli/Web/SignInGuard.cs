using System.Collections.Concurrent;

namespace Staffing.Cli.Web;

/// <summary>
/// Lockout on sign-in per user: after <see cref="Failures"/> wrong passwords in a row a name is locked for
/// <see cref="Lockout"/> (the right password included), so guessing is slow whatever the addresses it comes from.
/// The per-address limit is the framework's rate limiter (<see cref="Access"/>).
/// </summary>
internal sealed class SignInGuard(TimeProvider clock)
{
    public const int Failures = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset Until)> names = new(
        StringComparer.Ordinal
    );

    /// <summary>How long the name stays locked, or null when it may try.</summary>
    public TimeSpan? Locked(string name) =>
        names.TryGetValue(name, out var n) && n.Until > clock.GetUtcNow() ? n.Until - clock.GetUtcNow() : null;

    public void Failed(string name) =>
        names.AddOrUpdate(
            name,
            _ => (1, DateTimeOffset.MinValue),
            (_, n) => n.Failures + 1 >= Failures ? (0, clock.GetUtcNow() + Lockout) : (n.Failures + 1, n.Until)
        );

    public void Succeeded(string name) => names.TryRemove(name, out _);
}

/// <summary>
/// The sessions signed in: each cookie carries a session id, checked on every request, so signing out (or a
/// restart) ends the session even where a copy of the cookie survives.
/// </summary>
internal sealed class Sessions
{
    public const string Claim = "staffing-session-id";

    private readonly ConcurrentDictionary<string, string> live = new(StringComparer.Ordinal);

    public string Open(string user)
    {
        var id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        live[id] = user;
        return id;
    }

    public bool IsLive(string? id, string? user) =>
        id is not null && live.TryGetValue(id, out var who) && who == user;

    public void Close(string? id)
    {
        if (id is not null)
            live.TryRemove(id, out _);
    }
}
