namespace Staffing.Io;

/// <summary>A scenario as imported: its files, one row however many times the same files come in.</summary>
public sealed record StoredScenario(long Id, string Hash, string Name, string ImportedAt, string ImportedBy);

/// <summary>How a run was solved and its files read, so a re-plan reads and solves the same way.</summary>
public sealed record RunSettings(
    string Solver,
    double TimeLimit,
    int Workers,
    int Seed,
    string? Delimiter = null,
    string? Encoding = null,
    bool Strict = false
);

/// <summary>A run to store: the plan with the locks it was solved with.</summary>
public sealed record NewRun(
    long ScenarioId,
    long? ParentId,
    string Name,
    string Note,
    string Who,
    RunSettings Settings,
    string? PolicyOverrides,
    Plan Plan,
    IReadOnlyList<Holding> Locks
);

/// <summary>
/// A stored run as listed: who, when, how, its shortfall by unit kind (posts, days a week, shares), and how many
/// pins wait for the next run from it.
/// </summary>
public sealed record RunInfo(
    long Id,
    long ScenarioId,
    long? ParentId,
    string Name,
    string Note,
    string Who,
    string CreatedAt,
    RunSettings Settings,
    string? PolicyOverrides,
    string Status,
    string InputHash,
    double Seconds,
    IReadOnlyList<UnitTotal> Shortfall,
    bool Adopted,
    int Pins
);

/// <summary>A sum of one unit kind: never posts, days and shares added together.</summary>
public sealed record UnitTotal(string Unit, int Amount);

/// <summary>A planner's decision for the next run from this one: a lock row (amount, or a pair with a partner).</summary>
public sealed record PinRecord(long Id, long RunId, Holding Lock, string Who, string CreatedAt);

public sealed record AdoptionRecord(long Id, long ScenarioId, long RunId, string Who, string AdoptedAt, string Note);

/// <summary>A change refused because the workspace moved on since the caller looked (HTTP 409): what changed.</summary>
public sealed class StaleException(string message) : Exception(message);
