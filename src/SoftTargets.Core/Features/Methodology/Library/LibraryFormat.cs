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
    };

    /// <summary>Parses and validates a file; the file is returned only when there is no error at all.</summary>
    public static (LibraryFile? File, IReadOnlyList<LibraryError> Errors) Read(string text)
    {
        var lines = new Dictionary<string, int>();
        JsonNode? root;
        var parser = new Parser(new StringReader(text));
        try
        {
            if (LibraryLimits.Check(text) is { } refused) return (null, [refused]);
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Count != 1) return (null, [new LibraryError(1, "The file must hold exactly one methodology document.", "Soubor musí obsahovat právě jeden dokument metodiky.")]);
            root = ToJson(stream.Documents[0].RootNode, "$", lines);
        }
        catch (YamlException ex)
        {
            var detail = ex.Message.Split(": ", 2).Last();
            return (null, [new LibraryError((int)ex.Start.Line, $"Not valid YAML or JSON: {detail}", $"Neplatný YAML nebo JSON: {detail}")]);
        }
        catch (InvalidOperationException)
        {
            return (null, [Unbalanced(parser)]);
        }

        LibraryFile? file;
        try
        {
            file = root.Deserialize<LibraryFile>(JsonOptions);
        }
        catch (JsonException ex)
        {
            return (null, [new LibraryError(LineOf(ex.Path ?? "$", lines), Describe(ex))]);
        }
        if (file is null) return (null, [new LibraryError(1, "The file is empty.", "Soubor je prázdný.")]);

        var problems = MethodologyValidator.Validate(file.ToDocument(), file.Methodology);
        if (problems.Count > 0)
            return (null, problems.Select(p => new LibraryError(LineOf(p.Path, lines), p.Message)).OrderBy(e => e.Line).ToList());
        return (file, []);
    }

    /// <summary>The scanner gives up on some broken flow collections without a message: report where it stopped.</summary>
    internal static LibraryError Unbalanced(Parser parser) => new((int)(parser.Current?.End.Line ?? 1),
        "Not valid YAML or JSON: check brackets and quotes around this line.", "Neplatný YAML nebo JSON: zkontrolujte závorky a uvozovky kolem tohoto řádku.");

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
                    if (obj.ContainsKey(name)) throw new YamlException(key.Start, key.End, $"The field '{name}' appears twice.");
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
        var field = ex.Path?.Split('.', '[').LastOrDefault(p => p.Length > 0 && p != "$")?.TrimEnd(']') ?? "value";
        if (ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
            return new($"Unknown field '{field}': check its spelling against docs/methodology-format.md.",
                $"Neznámé pole '{field}': zkontrolujte jeho zápis podle docs/methodology-format.md.");
        if (ex.Message.Contains("missing", StringComparison.OrdinalIgnoreCase))
        {
            var detail = ex.Message.Split(" Path:")[0];
            return new($"A required field is missing in '{field}' ({detail}).", $"V '{field}' chybí povinné pole ({detail}).");
        }
        return new($"The value of '{field}' has the wrong type or is not one of the allowed choices.",
            $"Hodnota '{field}' má nesprávný typ nebo není jednou z povolených možností.");
    }
}
