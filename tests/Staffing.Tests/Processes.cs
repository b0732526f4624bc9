namespace Staffing.Tests;

/// <summary>
/// Tests that time real processes (signals at random moments, a 50,000-centre plan under its time limit, kills
/// while writing): run alone, after the others, so two cores shared with the browser tests do not make them miss
/// their bounds.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Processes
{
    public const string Name = "processes";
}
