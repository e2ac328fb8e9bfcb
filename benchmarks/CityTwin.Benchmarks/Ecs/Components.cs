namespace CityTwin.Benchmarks.Ecs;

public struct Position
{
    public double X;
    public double Y;
}

public struct Velocity
{
    public double X;
    public double Y;
}

public struct Tag;

/// <summary>The plain-array baseline's element: both components side by side (array of structs).</summary>
public struct Body
{
    public Position Position;
    public Velocity Velocity;
}
