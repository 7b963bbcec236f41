using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraEmulator.Rendering;

/// <summary>The two answers every entity-property resource gives (issue, comment ...): the keys,
/// each with its self link (PropertyKeys), and one property (EntityProperty).</summary>
public static class EntityPropertyRenderer
{
    /// <param name="entitySelf">The entity's own URL; each key's self is entitySelf/properties/key.</param>
    public static void WriteKeys(Utf8JsonWriter w, string entitySelf, IEnumerable<string> keys)
    {
        w.WriteStartObject();
        w.WriteStartArray("keys");
        foreach (var key in keys.Order(StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("self", $"{entitySelf}/properties/{Uri.EscapeDataString(key)}");
            w.WriteString("key", key);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteProperty(Utf8JsonWriter w, string key, JsonNode? value)
    {
        w.WriteStartObject();
        w.WriteString("key", key);
        w.WritePropertyName("value");
        if (value is null) w.WriteNullValue();
        else value.WriteTo(w);
        w.WriteEndObject();
    }
}
