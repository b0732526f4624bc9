using System.Collections.Immutable;
using Staffing.Domain;

namespace Staffing.Allocation;

public sealed record ItinerantGroup(string Area, Stage Stage, ImmutableArray<string> Codes);

/// <summary>What an allocator decides: units per (centre, resource), and the itinerant groups.</summary>
public sealed record Decisions(ImmutableSortedDictionary<(string Code, Resource Resource), int> Allocated, ImmutableArray<ItinerantGroup> Groups)
{
    public int Of(string code, Resource r) => Allocated.GetValueOrDefault((code, r));
}

public sealed record PlanLine(string Code, Resource Resource, int Entitled, int Allocated, string Rules, Funding Funding, string Reason)
{
    public int Shortfall => Entitled - Allocated;
}

public sealed record ItinerantTeacher(string Id, string Area, Stage Stage, ImmutableArray<string> Centres, ImmutableArray<int> Days, bool SameLocality, double? Km);

public sealed record ScheduleSlot(string Eoep, string Person, string Role, int Weekday, string? Centre);

public sealed record LevelResult(string Name, long Objective, long? Bound, double? Gap, double Seconds);

public sealed record SolverInfo(string Name, string Version, string Parameters, int Workers, int Seed);

public sealed record Plan(
    ImmutableArray<PlanLine> Lines,
    ImmutableArray<ItinerantTeacher> Itinerants,
    ImmutableArray<ScheduleSlot>? Schedule,
    string Status,
    SolverInfo Solver,
    ImmutableArray<LevelResult> Levels,
    double Seconds,
    string InputHash);

public sealed record SolveSettings(double TimeLimitSeconds = 60, int Workers = 1, int Seed = 0, IProgress<string>? Progress = null);

/// <summary>Shares scarce pools out. Every allocator answers the same problem with the same kind of decisions.</summary>
public interface IAllocator
{
    string Name { get; }

    AllocatorResult Allocate(AllocationProblem problem, SolveSettings settings);
}

public sealed record AllocatorResult(Decisions Decisions, bool Proven, SolverInfo Solver, ImmutableArray<LevelResult> Levels);
