namespace CityTwin.Traffic.Junctions;

/// <summary>The nearest vehicle approaching a connection, as its foes see it (written once per step).</summary>
internal struct Approach
{
    /// <summary>The step it was announced in, plus one (see <c>TrafficSimulation.ApproachStep</c>): an announcement from an
    /// earlier step is void, so none has to be cleared.</summary>
    public long Step;

    /// <summary>Trip index of the vehicle.</summary>
    public int Trip;

    /// <summary>Seconds until its front reaches the stop line.</summary>
    public double ArrivalS;

    /// <summary>Whether it was held at the line in the last step (it will not enter now).</summary>
    public bool Blocked;

    /// <summary>How long it has been standing, seconds (first come, first served at all-way stops and deadlocks).</summary>
    public double WaitedS;

    /// <summary>Whether it stands at the stop line.</summary>
    public bool AtLine;
}
