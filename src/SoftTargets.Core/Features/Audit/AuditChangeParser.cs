using System.Text.Json;

namespace SoftTargets.Core.Features.Audit;

/// <summary>
/// Reads the changes the audit interceptor recorded (property → { before, after }) into rows. Old entries,
/// hand-edited rows or a future format must not break the auditor's page, so this never throws.
/// </summary>
public static class AuditChangeParser
{
    private const int MaxDepth = 64;

    public static AuditChanges Parse(string? json)
    {
        var raw = json ?? "";
        if (string.IsNullOrWhiteSpace(raw)) return new AuditChanges([], true, raw);
        try
        {
            using var document = JsonDocument.Parse(raw, new JsonDocumentOptions { MaxDepth = MaxDepth });
            if (document.RootElement.ValueKind != JsonValueKind.Object) return new AuditChanges([], false, raw);
            var rows = document.RootElement.EnumerateObject().Select(Row).ToList();
            return new AuditChanges(rows, true, raw);
        }
        catch (JsonException)
        {
            return new AuditChanges([], false, raw);
        }
    }

    private static AuditChangeRow Row(JsonProperty property)
    {
        var value = property.Value;
        var isChange = value.ValueKind == JsonValueKind.Object
            && (value.TryGetProperty("before", out _) || value.TryGetProperty("after", out _));
        if (!isChange) return new AuditChangeRow(property.Name, null, Text(value));
        return new AuditChangeRow(property.Name,
            value.TryGetProperty("before", out var before) ? Text(before) : null,
            value.TryGetProperty("after", out var after) ? Text(after) : null);
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => JsonSerializer.Serialize(value),
    };
}
