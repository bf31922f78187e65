using System.Buffers;
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
        // The JSON goes to a buffer and writer kept per thread: only the hash's text is allocated for it.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder, Indented = false });
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, new { methodologyVersion = methodologyVersionKey, site = canonical }, Options);
        writer.Flush();
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        if (buffer.Capacity > 256 * 1024)
            (t_buffer, t_writer) = (null, null);
        return Convert.ToHexStringLower(hash);
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;
}
