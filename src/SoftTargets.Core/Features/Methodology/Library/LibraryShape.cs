using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Features.Methodology.Library;

/// <summary>
/// Checks a file's values against the shape of <see cref="LibraryFile"/> before it is built, so that every
/// unknown field, missing field, wrong kind of value and unknown choice is reported in one pass, in the
/// file's own words (field names and choices as written in the file, never a .NET type). Each bad value is
/// replaced by a harmless stand-in and the check goes on, so that the methodology rules can still be checked
/// on the rest of the file.
/// </summary>
internal sealed class LibraryShape(JsonSerializerOptions options)
{
    private readonly List<LibraryShapeProblem> _problems = [];

    public IReadOnlyList<LibraryShapeProblem> Problems => _problems;

    /// <summary>Checks and repairs the tree in place; returns the repaired root.</summary>
    public JsonNode Check(JsonNode root, Type type)
    {
        return Visit(root, options.GetTypeInfo(type), "$", nullable: false) ?? new JsonObject();
    }

    private JsonNode? Visit(JsonNode? node, JsonTypeInfo info, string path, bool nullable)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (node is null)
        {
            if (nullable || Nullable.GetUnderlyingType(info.Type) is not null) return null;
            Add(path, $"'{Field(path)}' has no value: write one{Expected(info)}.", $"'{Field(path)}' nemá hodnotu: doplňte ji{ExpectedCs(info)}.");
            return StandIn(info);
        }
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when node is JsonObject obj:
                VisitObject(obj, info, path);
                return obj;
            case JsonTypeInfoKind.Enumerable when node is JsonArray array:
                var element = options.GetTypeInfo(info.ElementType!);
                for (var i = 0; i < array.Count; i++)
                {
                    var itemPath = $"{path}[{i}]";
                    if (array[i] is null)
                    {
                        Add(itemPath, $"An entry of '{Field(path)}' is empty: fill it in or remove the '-'.",
                            $"Položka '{Field(path)}' je prázdná: vyplňte ji, nebo odstraňte '-'.");
                        array[i] = StandIn(element);
                        continue;
                    }
                    var repaired = Visit(array[i], element, itemPath, nullable: false);
                    if (!ReferenceEquals(repaired, array[i])) array[i] = repaired;
                }
                return array;
            case JsonTypeInfoKind.Object:
                Add(path, $"'{Field(path)}' must be a group of fields (name: value), not {Kind(node, false)}.",
                    $"'{Field(path)}' musí být skupina polí (název: hodnota), ne {Kind(node, true)}.");
                return StandIn(info);
            case JsonTypeInfoKind.Enumerable:
                Add(path, $"'{Field(path)}' must be a list, not {Kind(node, false)}.", $"'{Field(path)}' musí být seznam, ne {Kind(node, true)}.");
                return StandIn(info);
        }
        if (node is not JsonValue || !Reads(node, info.Type))
        {
            if (type.IsEnum)
            {
                var choices = string.Join(", ", Choices(type));
                Add(path, $"'{Field(path)}' must be one of: {choices} (not {Shown(node, false)}).",
                    $"'{Field(path)}' musí být jedna z možností: {choices} (ne {Shown(node, true)}).");
            }
            else
            {
                Add(path, $"'{Field(path)}' must be {Expected(type, false)}, not {Shown(node, false)}.",
                    $"'{Field(path)}' musí být {Expected(type, true)}, ne {Shown(node, true)}.");
            }
            return StandIn(info);
        }
        return node;
    }

    private void VisitObject(JsonObject obj, JsonTypeInfo info, string path)
    {
        var properties = info.Properties.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in obj.ToList())
        {
            var valuePath = $"{path}.{key}";
            if (!properties.TryGetValue(key, out var property))
            {
                var known = string.Join(", ", info.Properties.Select(p => p.Name));
                Add(valuePath, $"Unknown field '{key}' {In(path, false)}: the fields here are {known}.",
                    $"Neznámé pole '{key}' {In(path, true)}: pole zde jsou {known}.");
                obj.Remove(key);
                continue;
            }
            seen.Add(property.Name);
            var repaired = Visit(value, options.GetTypeInfo(property.PropertyType), valuePath, AcceptsNull(property));
            if (!ReferenceEquals(repaired, value)) obj[key] = repaired;
        }
        foreach (var property in info.Properties)
        {
            if (seen.Contains(property.Name) || !Required(property)) continue;
            Add($"{path}.{property.Name}", $"The field '{property.Name}' is missing {In(path, false)}.", $"{Capitalised(In(path, true))} chybí pole '{property.Name}'.");
            obj[property.Name] = StandIn(options.GetTypeInfo(property.PropertyType));
        }
    }

    private static bool Required(JsonPropertyInfo property) =>
        property.IsRequired || property.AssociatedParameter is { HasDefaultValue: false, IsMemberInitializer: false };

    private static bool AcceptsNull(JsonPropertyInfo property) =>
        property.AssociatedParameter is { } parameter ? parameter.IsNullable : property.IsSetNullable;

    private bool Reads(JsonNode node, Type type)
    {
        try
        {
            node.Deserialize(type, options);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>The smallest value of the type that reads: the first choice, zero, empty text, or an object with its required fields.</summary>
    private JsonNode? StandIn(JsonTypeInfo info)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Enumerable:
                return new JsonArray();
            case JsonTypeInfoKind.Object:
                var obj = new JsonObject();
                foreach (var property in info.Properties.Where(Required))
                    obj[property.Name] = StandIn(options.GetTypeInfo(property.PropertyType));
                return obj;
        }
        // The last choice (the least demanding one: "other", "enhanced", "P5") and a text that is not empty, so
        // that the stand-in does not raise problems of its own.
        if (type.IsEnum) return JsonValue.Create(Choices(type).Last());
        if (type == typeof(string)) return JsonValue.Create("?");
        if (type == typeof(bool)) return JsonValue.Create(false);
        return type.IsPrimitive || type == typeof(decimal) ? JsonValue.Create(0) : null;
    }

    /// <summary>The choices as the file writes them (the serialiser's own names).</summary>
    private IEnumerable<string> Choices(Type enumType) =>
        Enum.GetValues(enumType).Cast<object>().Select(v => JsonSerializer.SerializeToNode(v, enumType, options)!.GetValue<string>());

    private void Add(string path, string en, string cs) => _problems.Add(new(path, new LocalizedText(en, cs)));

    /// <summary>The field a path ends in; for a list entry, the list's name.</summary>
    internal static string Field(string path)
    {
        var trimmed = path;
        while (trimmed.EndsWith(']')) trimmed = trimmed[..trimmed.LastIndexOf('[')];
        var name = trimmed[(trimmed.LastIndexOf('.') + 1)..];
        return name is "$" or "" ? "the file" : name;
    }

    /// <summary>"in 'measures'", or "at the top of the file" for the file itself.</summary>
    private static string In(string path, bool czech) => path == "$"
        ? czech ? "na nejvyšší úrovni souboru" : "at the top of the file"
        : czech ? $"v '{Field(path)}'" : $"in '{Field(path)}'";

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Shown(JsonNode? node, bool czech) => node switch
    {
        JsonObject => czech ? "skupina polí" : "a group of fields",
        JsonArray => czech ? "seznam" : "a list",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => $"'{Short(value.GetValue<string>())}'",
        null => czech ? "nic" : "nothing",
        _ => Short(node.ToJsonString()),
    };

    private static string Short(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private static string Kind(JsonNode node, bool czech) => node switch
    {
        JsonArray => czech ? "seznam" : "a list",
        _ => czech ? $"jednotlivá hodnota {Shown(node, true)}" : $"a single value {Shown(node, false)}",
    };

    private string Expected(JsonTypeInfo info) => info.Kind switch
    {
        JsonTypeInfoKind.Object => " (a group of fields)",
        JsonTypeInfoKind.Enumerable => " (a list)",
        _ => (Nullable.GetUnderlyingType(info.Type) ?? info.Type) is { IsEnum: true } e ? $" (one of: {string.Join(", ", Choices(e))})" : $" ({Expected(info.Type, false)})",
    };

    private string ExpectedCs(JsonTypeInfo info) => info.Kind switch
    {
        JsonTypeInfoKind.Object => " (skupina polí)",
        JsonTypeInfoKind.Enumerable => " (seznam)",
        _ => (Nullable.GetUnderlyingType(info.Type) ?? info.Type) is { IsEnum: true } e ? $" (jedna z možností: {string.Join(", ", Choices(e))})" : $" ({Expected(info.Type, true)})",
    };

    private static string Expected(Type type, bool czech)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
            return czech ? "celé číslo" : "a whole number";
        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float))
            return czech ? "číslo" : "a number";
        if (type == typeof(bool))
            return czech ? "true nebo false" : "true or false";
        if (type == typeof(string))
            return czech ? "text (čísla a slova jako true dejte do uvozovek)" : "text (put numbers and words such as true in quotes)";
        return czech ? "hodnota jiného druhu" : "a value of another kind";
    }
}

/// <summary>A value that does not fit the file's shape, at a path like <c>$.measures[3].priority</c>.</summary>
internal sealed record LibraryShapeProblem(string Path, LocalizedText Message);
