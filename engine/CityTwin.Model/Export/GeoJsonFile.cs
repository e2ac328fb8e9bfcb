using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CityTwin.Model.Files;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace CityTwin.Model.Export;

/// <summary>
/// Writes a feature collection as a GeoJSON file through NetTopologySuite's System.Text.Json converters, streamed and
/// through a temporary file (never half-written).
/// </summary>
/// <remarks>
/// The serializer's type metadata comes from the converters themselves and from a source-generated context for the
/// attribute values, not from reflection: the same code runs in the JIT and in the native (ahead-of-time) build, where
/// System.Text.Json's reflection is switched off.
/// </remarks>
public static class GeoJsonFile
{
    private static readonly JsonTypeInfo<FeatureCollection> Collection = CreateTypeInfo();

    /// <summary>Writes a layer.</summary>
    /// <param name="features">The features (lon/lat).</param>
    /// <param name="path">Destination file (replaced).</param>
    public static void Write(FeatureCollection features, string path)
    {
        ArgumentNullException.ThrowIfNull(features);
        // Streamed as UTF-8, not built as one string first (the buildings layer of Monaco is 14 MB).
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, features, Collection));
    }

    private static JsonTypeInfo<FeatureCollection> CreateTypeInfo()
    {
        var options = new JsonSerializerOptions { WriteIndented = false };
        var factory = new GeoJsonConverterFactory();
        options.Converters.Add(factory);
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(new ConverterResolver(factory), GeoJsonValueContext.Default);
        options.MakeReadOnly();
        return (JsonTypeInfo<FeatureCollection>)options.GetTypeInfo(typeof(FeatureCollection));
    }

    /// <summary>
    /// Metadata for the types the GeoJSON converters handle (collection, feature, geometry, attributes: the converter
    /// does the work) and, from the source-generated context, for the attribute values they write.
    /// </summary>
    private sealed class ConverterResolver(GeoJsonConverterFactory factory) : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
            type == typeof(FeatureCollection) ? Converted<FeatureCollection>(options)
            : type == typeof(IFeature) ? Converted<IFeature>(options)
            : type == typeof(NetTopologySuite.Geometries.Geometry) ? Converted<NetTopologySuite.Geometries.Geometry>(options)
            : type == typeof(IAttributesTable) ? Converted<IAttributesTable>(options)
            : null;

        private JsonTypeInfo<T> Converted<T>(JsonSerializerOptions options) =>
            JsonMetadataServices.CreateValueInfo<T>(options, factory.CreateConverter(typeof(T), options)!);
    }
}

/// <summary>The attribute and id values a GeoJSON layer can hold: text, bools and numbers (<c>object</c> for nulls).</summary>
[JsonSerializable(typeof(object))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(byte))]
[JsonSerializable(typeof(sbyte))]
[JsonSerializable(typeof(short))]
[JsonSerializable(typeof(ushort))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(uint))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(ulong))]
[JsonSerializable(typeof(float))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(decimal))]
internal sealed partial class GeoJsonValueContext : JsonSerializerContext;
