namespace Staffing.Domain;

/// <summary>Random draws shared by the scenario synthesis and the simulation, so both draw the same way.</summary>
public static class Draws
{
    /// <summary>A standard normal draw (Box–Muller), consuming two uniform draws.</summary>
    public static double NextNormal(this Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
