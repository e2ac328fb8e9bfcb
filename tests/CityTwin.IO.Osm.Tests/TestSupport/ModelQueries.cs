using CityTwin.Model.Roads;

namespace CityTwin.IO.Osm.Tests.TestSupport;

/// <summary>Lookups by OSM id and name for readable assertions.</summary>
internal static class ModelQueries
{
    /// <summary>The junction containing an OSM node (as its representative id, or -1).</summary>
    public static int JunctionByNode(RoadNetwork r, long osmNodeId)
    {
        for (var j = 0; j < r.Junctions.Length; j++)
        {
            if (r.Junctions[j].OsmNodeId == osmNodeId)
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>Edges of an OSM way.</summary>
    public static List<int> EdgesOfWay(RoadNetwork r, long wayId)
    {
        var list = new List<int>();
        for (var e = 0; e < r.Edges.Length; e++)
        {
            if (r.Edges[e].OsmWayId == wayId)
            {
                list.Add(e);
            }
        }

        return list;
    }

    /// <summary>The edge of a way that enters (or leaves) a junction.</summary>
    public static int EdgeOfWayAt(RoadNetwork r, long wayId, int junction, bool entering)
    {
        foreach (var e in EdgesOfWay(r, wayId))
        {
            if ((entering ? r.Edges[e].ToJunction : r.Edges[e].FromJunction) == junction)
            {
                return e;
            }
        }

        return -1;
    }

    /// <summary>The edge from the junction of one OSM node to the junction of another, or -1.</summary>
    public static int EdgeBetween(RoadNetwork r, long fromNode, long toNode)
    {
        int a = JunctionByNode(r, fromNode), b = JunctionByNode(r, toNode);
        for (var e = 0; e < r.Edges.Length; e++)
        {
            if (r.Edges[e].FromJunction == a && r.Edges[e].ToJunction == b)
            {
                return e;
            }
        }

        return -1;
    }

    /// <summary>The first connection from one edge to another, or -1.</summary>
    public static int ConnectionBetween(RoadNetwork r, int fromEdge, int toEdge)
    {
        for (var c = 0; c < r.Connections.Length; c++)
        {
            if (r.Connections[c].FromEdge == fromEdge && r.Connections[c].ToEdge == toEdge)
            {
                return c;
            }
        }

        return -1;
    }

    /// <summary>The conflict of connection a with b, or null.</summary>
    public static Conflict? ConflictOf(RoadNetwork r, int a, int b)
    {
        foreach (var k in r.GetConflicts(a))
        {
            if (k.Foe == b)
            {
                return k;
            }
        }

        return null;
    }
}
