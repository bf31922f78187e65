using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SoftTargets.Core.Features.Guidelines;

/// <summary>
/// SHA-256 (lower-case hex) of a canonical JSON of the generator's inputs: the methodology version key and
/// the snapshot with every list sorted, so that an equal input in another order gives the same hash.
/// </summary>
internal static class InputsHash
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Compute(string methodologyVersionKey, SiteSnapshot site)
    {
        var canonical = site with
        {
            Attributes = site.Attributes.Order(StringComparer.Ordinal).ToList(),
            Zones = SnapshotOrder.Zones(site),
            Contacts = SnapshotOrder.Contacts(site),
            Threats = SnapshotOrder.Threats(site),
            Answers = new SortedDictionary<string, int>(site.Answers.ToDictionary(), StringComparer.Ordinal),
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(new { methodologyVersion = methodologyVersionKey, site = canonical }, Options);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }
}
