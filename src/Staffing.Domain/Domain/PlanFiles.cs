namespace Staffing.Domain;

public sealed record PlanRow(
    int Line,
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

public sealed record ItinerantRow(
    int Line,
    string Teacher,
    Stage Stage,
    IReadOnlyList<string> Centres,
    IReadOnlyList<int> Days,
    int FreeDays
);

public sealed record ScheduleRow(int Line, string Eoep, string Person, string Role, int Weekday, string? Centre);

/// <summary>A plan folder as files, whoever wrote it (this tool, another tool, or a person by hand).</summary>
public sealed record PlanFiles(
    IReadOnlyList<PlanRow> Lines,
    IReadOnlyList<ItinerantRow> Itinerants,
    IReadOnlyList<ScheduleRow>? Schedule
);
