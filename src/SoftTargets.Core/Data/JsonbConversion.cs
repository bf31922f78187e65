using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SoftTargets.Core.Data;

/// <summary>Maps an immutable document record to one JSONB column.</summary>
internal static class JsonbConversion
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static PropertyBuilder<T> HasJsonbConversion<T>(this PropertyBuilder<T> property) where T : class
    {
        var comparer = new ValueComparer<T>(
            (a, b) => Serialize(a) == Serialize(b),
            v => Serialize(v).GetHashCode(),
            v => Deserialize<T>(Serialize(v)));
        property.HasConversion(v => Serialize(v), v => Deserialize<T>(v), comparer).HasColumnType("jsonb");
        return property;
    }

    private static string Serialize<T>(T? value) => JsonSerializer.Serialize(value, Options);

    private static T Deserialize<T>(string json)
    {
        var value = JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException($"Empty {typeof(T).Name} document.");
        return value is Domain.Methodology.MethodologyDocument document ? (T)(object)LegacyCatalogues.Complete(document) : value;
    }
}
