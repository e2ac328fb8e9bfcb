namespace CityTwin.Model.Energy;

/// <summary>The city's mapped grid assets (substations, transformers) and EV charging stations, in OSM order.</summary>
public sealed class GridAssetSet
{
    private readonly GridAsset[] _assets;

    /// <summary>Creates a set.</summary>
    /// <param name="assets">The assets.</param>
    public GridAssetSet(GridAsset[] assets)
    {
        ArgumentNullException.ThrowIfNull(assets);
        _assets = assets;
    }

    /// <summary>No assets.</summary>
    public static GridAssetSet Empty { get; } = new([]);

    /// <summary>All assets.</summary>
    public ReadOnlySpan<GridAsset> Assets => _assets;

    /// <summary>Number of assets.</summary>
    public int Count => _assets.Length;

    /// <summary>The array (for the cache).</summary>
    internal GridAsset[] AssetArray => _assets;

    /// <summary>Substations and transformers: the feeders' sources.</summary>
    /// <returns>The assets, in OSM order.</returns>
    public GridAsset[] FeederSources() => _assets.Where(a => a.Kind is GridAssetKind.Substation or GridAssetKind.Transformer).ToArray();

    /// <summary>EV charging stations.</summary>
    /// <returns>The stations, in OSM order.</returns>
    public GridAsset[] ChargingStations() => _assets.Where(a => a.Kind == GridAssetKind.ChargingStation).ToArray();
}
