namespace CityTwin.Traffic.CarFollowing;

/// <summary>The car-following model of a vehicle type (SUMO's <c>carFollowModel</c>).</summary>
public enum CarFollowModel : byte
{
    /// <summary>Intelligent Driver Model (Treiber, Hennecke, Helbing 2000): the default.</summary>
    Idm = 0,

    /// <summary>Krauß safe-speed model as implemented by SUMO (its default), with dawdling.</summary>
    Krauss = 1,
}
