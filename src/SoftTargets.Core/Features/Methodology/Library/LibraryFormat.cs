using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SoftTargets.Core.Domain.Common;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace SoftTargets.Core.Features.Methodology.Library;

/// <summary>
/// Reads and writes library files in YAML or JSON. Both are read through the YAML parser (JSON is
/// YAML too), which remembers the line of every value, so that every problem is reported by line.
/// </summary>
public static partial class LibraryFormat
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        WriteIndented = true,
        MaxDepth = LibraryLimits.MaxDepth + 1,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    /// <summary>
    /// Parses and validates a file; the file is returned only when there is no error at all. Every problem is
    /// reported in one pass: values of the wrong shape are set aside with their message and the methodology
    /// rules are still checked on the rest.
    /// </summary>
    public static (LibraryFile? File, IReadOnlyList<LibraryError> Errors) Read(string text)
    {
        var lines = new Dictionary<string, int>();
        var errors = new List<LibraryError>();
        JsonNode? root;
        try
        {
            if (LibraryLimits.Check(text) is { } refused) return (null, [refused]);
            var stream = new YamlStream();
            stream.Load(new Parser(new StringReader(text)));
            if (stream.Documents.Count != 1) return (null, [new LibraryError(1, "The file must hold exactly one methodology document.", "Soubor musí obsahovat právě jeden dokument metodiky.")]);
            root = ToJson(stream.Documents[0].RootNode, "$", lines);
        }
        catch (YamlException ex)
        {
            return (null, [LibrarySyntax.Describe(text, ex)]);
        }
        catch (InvalidOperationException)
        {
            return (null, [Unbalanced(text)]);
        }

        if (root is null) return (null, [new LibraryError(1, "The file is empty.", "Soubor je prázdný.")]);
        if (root is not JsonObject)
            return (null, [new LibraryError(1, "The file must be a group of fields starting with 'methodology:', not a list or a single value.",
                "Soubor musí být skupina polí začínající 'methodology:', ne seznam ani jednotlivá hodnota.")]);

        var shape = new LibraryShape(JsonOptions);
        root = shape.Check(root, typeof(LibraryFile));
        errors.AddRange(shape.Problems.Select(p => new LibraryError(LineOf(p.Path, lines), p.Message)));

        LibraryFile? file;
        try
        {
            file = root.Deserialize<LibraryFile>(JsonOptions);
        }
        catch (JsonException ex)
        {
            // The shape check lets through only what reads; this is a last resort and names no type.
            if (errors.Count == 0) errors.Add(new LibraryError(LineOf(ex.Path ?? "$", lines), Describe(ex)));
            return (null, Ordered(errors));
        }
        if (file is null) return (null, [new LibraryError(1, "The file is empty.", "Soubor je prázdný.")]);

        var covered = shape.Problems.Select(p => p.Path).ToList();
        foreach (var problem in MethodologyValidator.Validate(file.ToDocument(), file.Methodology))
        {
            if (!covered.Any(path => Covers(path, problem.Path)))
                errors.Add(new LibraryError(LineOf(problem.Path, lines), problem.Message));
        }
        return errors.Count > 0 ? (null, Ordered(errors)) : (file, []);
    }

    private static List<LibraryError> Ordered(List<LibraryError> errors) => errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();

    /// <summary>A value already reported as malformed is not reported again for its stand-in.</summary>
    private static bool Covers(string reported, string path) =>
        path == reported || path.StartsWith(reported + ".", StringComparison.Ordinal) || path.StartsWith(reported + "[", StringComparison.Ordinal);

    /// <summary>The scanner gives up on some broken flow collections without a message: report the bracket left open.</summary>
    internal static LibraryError Unbalanced(string text) => LibrarySyntax.Describe(text, null);

    public static string WriteJson(LibraryFile file) => JsonSerializer.Serialize(file, JsonOptions) + "\n";

    public static string WriteYaml(LibraryFile file)
    {
        var json = JsonSerializer.SerializeToNode(file, JsonOptions)!;
        var stream = new YamlStream(new YamlDocument(ToYaml(json, inFlow: false)));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        return writer.ToString().Replace("\n...\n", "\n", StringComparison.Ordinal);
    }

    private static JsonNode? ToJson(YamlNode node, string path, Dictionary<string, int> lines)
    {
        lines.TryAdd(path, (int)node.Start.Line);
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? "";
                    if (obj.ContainsKey(name)) throw new YamlException(key.Start, key.End, $"Duplicate key {name}");
                    obj[name] = ToJson(value, $"{path}.{name}", lines);
                }
                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                for (var i = 0; i < sequence.Children.Count; i++) array.Add(ToJson(sequence.Children[i], $"{path}[{i}]", lines));
                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw new YamlException(node.Start, node.End, "Aliases are not supported in library files.");
        }
    }

    /// <summary>Quoted scalars are text; plain ones may be numbers, true, false or null.</summary>
    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
            return JsonValue.Create(value);
        if (value is "" or "~" or "null") return null;
        if (value is "true" or "false") return JsonValue.Create(value == "true");
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)) return JsonValue.Create(number);
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)) return JsonValue.Create(real);
        return JsonValue.Create(value);
    }

    /// <summary>Short texts and rules go on one line (flow style); the rest is block style.</summary>
    private static YamlNode ToYaml(JsonNode? node, bool inFlow)
    {
        switch (node)
        {
            case JsonObject obj:
                var flow = inFlow || IsCompact(obj);
                var mapping = new YamlMappingNode { Style = flow ? MappingStyle.Flow : MappingStyle.Block };
                foreach (var (key, value) in obj) mapping.Add(new YamlScalarNode(key), ToYaml(value, flow));
                return mapping;
            case JsonArray array:
                var flowArray = inFlow || array.All(item => item is JsonValue);
                var sequence = new YamlSequenceNode { Style = flowArray ? SequenceStyle.Flow : SequenceStyle.Block };
                foreach (var item in array) sequence.Add(ToYaml(item, flowArray));
                return sequence;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                var style = text.Contains('\n') && !inFlow ? ScalarStyle.Literal : PlainWord().IsMatch(text) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
                return new YamlScalarNode(text) { Style = style };
            case null:
                return new YamlScalarNode("null") { Style = ScalarStyle.Plain };
            default:
                return new YamlScalarNode(node.ToJsonString()) { Style = ScalarStyle.Plain };
        }
    }

    private static bool IsCompact(JsonObject obj) =>
        (obj.Count == 2 && obj.ContainsKey("en") && obj.ContainsKey("cs") && !obj.Any(p => p.Value?.ToString().Contains('\n') == true))
        || obj.ToJsonString().Length <= 100;

    /// <summary>Keys and choices that read back as the same text when written without quotes.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^(?!(true|false|null|yes|no|on|off|y|n)$)[A-Za-z][A-Za-z0-9_-]*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PlainWord();

    private static int LineOf(string path, Dictionary<string, int> lines)
    {
        for (var candidate = path; candidate.Length > 0; candidate = Parent(candidate))
            if (lines.TryGetValue(candidate, out var line)) return line;
        return 1;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    private static LocalizedText Describe(JsonException ex)
    {
        var field = LibraryShape.Field(ex.Path ?? "$");
        return new($"The value of '{field}' cannot be read: check it against docs/methodology-format.md.",
            $"Hodnotu '{field}' nelze přečíst: zkontrolujte ji podle docs/methodology-format.md.");
    }
}
