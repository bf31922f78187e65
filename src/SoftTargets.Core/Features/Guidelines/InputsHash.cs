using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace SoftTargets.Core.Features.Guidelines;

/// <summary>
/// SHA-256 (lower-case hex) of a canonical JSON of the generator's inputs: the methodology version key and
/// the snapshot with every list sorted, so that an equal input in another order gives the same hash.
/// </summary>
internal static class InputsHash
{
    public static string Compute(string methodologyVersionKey, SiteSnapshot site)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("methodologyVersion", methodologyVersionKey);
            json.WriteString("name", site.Name);
            json.WriteString("address", site.Address);
            json.WriteString("region", site.Region.ToString());
            json.WriteString("venueType", site.VenueTypeKey);
            json.WriteNumber("maxOccupancy", site.MaxOccupancy);
            json.WriteNumber("dailyVisitors", site.DailyVisitors);

            json.WriteStartArray("attributes");
            foreach (var attribute in site.Attributes.Order(StringComparer.Ordinal))
                json.WriteStringValue(attribute);
            json.WriteEndArray();

            json.WriteStartArray("zones");
            foreach (var zone in SnapshotOrder.Zones(site))
            {
                json.WriteStartObject();
                json.WriteString("name", zone.Name);
                json.WriteNumber("capacity", zone.Capacity);
                json.WriteNumber("entrances", zone.Entrances);
                json.WriteString("assemblyPoint", zone.AssemblyPoint);
                json.WriteString("invacuationRoom", zone.InvacuationRoom);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("contacts");
            foreach (var contact in SnapshotOrder.Contacts(site))
            {
                json.WriteStartObject();
                json.WriteString("role", contact.RoleKey);
                json.WriteBoolean("deputy", contact.IsDeputy);
                json.WriteString("name", contact.Name);
                json.WriteString("phone", contact.Phone);
                json.WriteString("email", contact.Email);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("threats");
            foreach (var threat in SnapshotOrder.Threats(site))
            {
                json.WriteStartObject();
                json.WriteString("threat", threat.ThreatKey);
                json.WriteNumber("inherentLikelihood", threat.InherentLikelihood);
                json.WriteNumber("inherentImpact", threat.InherentImpact);
                json.WriteNumber("residualLikelihood", threat.ResidualLikelihood);
                json.WriteNumber("residualImpact", threat.ResidualImpact);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartObject("answers");
            foreach (var (question, level) in site.Answers.OrderBy(a => a.Key, StringComparer.Ordinal))
                json.WriteNumber(question, level);
            json.WriteEndObject();

            json.WriteEndObject();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }
}
