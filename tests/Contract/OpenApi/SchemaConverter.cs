using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace JiraConnector.Tests.Contract.OpenApi;

/// <summary>
/// Turns an OpenAPI 3.0 schema into a self-contained JSON Schema 2020-12 document: the referenced
/// components (transitively) go into $defs, "nullable: true" becomes a "null" type, the boolean
/// exclusiveMinimum/Maximum of OpenAPI 3.0 become numbers, and OpenAPI-only keywords are dropped. A schema that is
/// only a choice of others (anyOf/oneOf/allOf) and says additionalProperties: false means "nothing beyond what the
/// chosen schema has" (JqlQueryClause): 2020-12 says that with unevaluatedProperties, since additionalProperties sees
/// only sibling properties and would refuse every member.
/// </summary>
public static class SchemaConverter
{
    private const string ComponentPrefix = "#/components/schemas/";

    /// <summary>Validation keywords copied as they are.</summary>
    private static readonly HashSet<string> Copied =
    [
        "type", "enum", "format", "required", "minimum", "maximum", "minLength", "maxLength", "pattern", "minItems",
        "maxItems", "uniqueItems", "minProperties", "maxProperties", "const", "default", "description", "title",
        "readOnly", "writeOnly", "deprecated",
    ];

    private static int counter;

    public static JsonSchema Build(JsonNode openApiSchema, OpenApiDocument document)
    {
        var defs = new JsonObject();
        var pending = new Queue<string>();
        var seen = new HashSet<string>();
        var root = Convert(openApiSchema, pending, seen)!.AsObject();
        while (pending.TryDequeue(out var name))
        {
            var component = document.Schemas[name] ?? throw new InvalidOperationException($"Missing component schema '{name}'.");
            defs[name] = Convert(component, pending, seen);
        }
        var wrapper = new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema" };
        foreach (var (key, value) in root) wrapper[key] = value?.DeepClone();
        if (defs.Count > 0) wrapper["$defs"] = defs;
        var element = JsonSerializer.SerializeToElement(wrapper);
        var id = new Uri($"https://contract.test/schema/{Interlocked.Increment(ref counter)}");
        return JsonSchema.Build(element, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, id);
    }

    private static JsonNode? Convert(JsonNode? node, Queue<string> pending, HashSet<string> seen)
    {
        if (node is not JsonObject schema) return node?.DeepClone();
        var result = new JsonObject();
        foreach (var (key, value) in schema)
        {
            switch (key)
            {
                case "$ref":
                    string reference = value!.GetValue<string>();
                    if (reference.StartsWith(ComponentPrefix, StringComparison.Ordinal))
                    {
                        string name = reference[ComponentPrefix.Length..];
                        if (seen.Add(name)) pending.Enqueue(name);
                        result["$ref"] = "#/$defs/" + name;
                    }
                    else
                    {
                        result["$ref"] = reference;
                    }
                    break;
                case "properties":
                    var properties = new JsonObject();
                    foreach (var (name, property) in value!.AsObject()) properties[name] = Convert(property, pending, seen);
                    result["properties"] = properties;
                    break;
                case "items" or "not":
                    result[key] = Convert(value, pending, seen);
                    break;
                case "additionalProperties":
                    result[key] = value is JsonObject ? Convert(value, pending, seen) : value?.DeepClone();
                    break;
                case "allOf" or "anyOf" or "oneOf":
                    result[key] = new JsonArray(value!.AsArray().Select(item => Convert(item, pending, seen)).ToArray());
                    break;
                case "exclusiveMinimum" or "exclusiveMaximum":
                    // OpenAPI 3.0: a boolean modifying minimum/maximum; 2020-12: the bound itself.
                    string bound = key == "exclusiveMinimum" ? "minimum" : "maximum";
                    if (value is JsonValue flag && flag.TryGetValue(out bool exclusive) && exclusive && schema[bound] is { } limit)
                        result[key] = limit.DeepClone();
                    break;
                default:
                    if (Copied.Contains(key)) result[key] = value?.DeepClone();
                    break;
            }
        }
        if (result["additionalProperties"] is JsonValue closed && closed.TryGetValue(out bool allowed) && !allowed
            && result["properties"] is null && (result["anyOf"] ?? result["oneOf"] ?? result["allOf"]) is not null)
        {
            result.Remove("additionalProperties");
            result["unevaluatedProperties"] = false;
        }
        if (schema["exclusiveMinimum"] is JsonValue min && min.TryGetValue(out bool exMin) && exMin) result.Remove("minimum");
        if (schema["exclusiveMaximum"] is JsonValue max && max.TryGetValue(out bool exMax) && exMax) result.Remove("maximum");

        if (schema["nullable"] is JsonValue nullable && nullable.TryGetValue(out bool isNullable) && isNullable)
        {
            if (result["type"] is JsonValue type && type.TryGetValue(out string? typeName))
            {
                result["type"] = new JsonArray(typeName, "null");
                if (result["enum"] is JsonArray values && !values.Any(v => v is null)) values.Add(null);
            }
            else
            {
                return new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, result) };
            }
        }
        return result;
    }
}
