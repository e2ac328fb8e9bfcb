namespace CityTwin.Ecs.Tests.TestSupport;

public struct Position
{
    public double X;
    public double Y;

    public Position(double x, double y)
    {
        X = x;
        Y = y;
    }
}

public struct Velocity
{
    public double X;
    public double Y;

    public Velocity(double x, double y)
    {
        X = x;
        Y = y;
    }
}

public struct Health
{
    public int Value;

    public Health(int value) => Value = value;
}

public struct Frozen;

public struct Label
{
    public string? Text;

    public Label(string text) => Text = text;
}

/// <summary>Moves positions by velocity; the struct callback used by inline queries.</summary>
public struct MoveStep : IForEach<Position, Velocity>
{
    public double DtS;
    public int Visited;

    public void Update(ref Position position, ref Velocity velocity)
    {
        position.X += velocity.X * DtS;
        position.Y += velocity.Y * DtS;
        Visited++;
    }
}
