using System.Collections.Immutable;

namespace Staffing.Domain;

public sealed record PlanLine(
    string Code,
    Resource Resource,
    int Entitled,
    int Allocated,
    string Rules,
    Funding Funding,
    Explanation Reason
)
{
    public int Shortfall => Entitled - Allocated;
}

public sealed record ItinerantTeacher(
    string Id,
    string Area,
    Stage Stage,
    ImmutableArray<string> Centres,
    ImmutableArray<int> Days,
    int FreeDays,
    bool SameLocality,
    double? Km
);

public sealed record ScheduleSlot(string Eoep, string Person, string Role, int Weekday, string? Centre);

public sealed record LevelResult(string Name, long Objective, long? Bound, double? Gap, double Seconds);

public sealed record SolverInfo(string Name, string Version, string Parameters, int Workers, int Seed);

/// <summary>A plan: a line per centre and resource, the itinerant teachers, the EOEP week, how it was solved.</summary>
public sealed record Plan(
    ImmutableArray<PlanLine> Lines,
    ImmutableArray<ItinerantTeacher> Itinerants,
    ImmutableArray<ScheduleSlot>? Schedule,
    string Status,
    SolverInfo Solver,
    ImmutableArray<LevelResult> Levels,
    double Seconds,
    string InputHash
);
