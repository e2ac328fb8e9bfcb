namespace CityTwin.Model.Roads;

/// <summary>Vehicle classes allowed on an edge (a bit set).</summary>
[Flags]
public enum VehicleClasses : byte
{
    /// <summary>Nothing is allowed.</summary>
    None = 0,

    /// <summary>Private cars.</summary>
    Passenger = 1,

    /// <summary>Buses and other public service vehicles.</summary>
    Bus = 2,

    /// <summary>Heavy goods vehicles.</summary>
    Truck = 4,

    /// <summary>Bicycles.</summary>
    Bicycle = 8,

    /// <summary>Pedestrians.</summary>
    Pedestrian = 16,

    /// <summary>Motorcycles and mopeds.</summary>
    Motorcycle = 32,

    /// <summary>Trains on heavy and urban rail (SUMO's <c>rail</c>, <c>rail_urban</c>, <c>rail_electric</c>, <c>rail_fast</c>).</summary>
    Rail = 64,

    /// <summary>Trams (SUMO's <c>tram</c>).</summary>
    Tram = 128,
}
