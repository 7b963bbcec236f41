using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Json.Schema;

using JiraConnector.Tests.Contract.Infrastructure;

namespace JiraConnector.Tests.Contract.Wadl;

/// <summary>
/// Jira Data Center 8.4.3's WADL (tests/Contract/Spec/jira-datacenter-8.4.3.wadl, a copy of
/// shared/jira-openapi/), loaded once. Atlassian's WADL
/// embeds a JSON schema (draft-04 style, under a "Schema" heading) in the documentation of many responses; this
/// indexes them by (path under /rest, method, status) and turns each into a JSON Schema 2020-12 document.
/// JIRA_WADL overrides the path.
/// </summary>
public sealed class WadlDocument
{
    private static readonly XNamespace Wadl = "http://wadl.dev.java.net/2009/02";
    private static readonly XNamespace Html = "http://www.w3.org/1999/xhtml";
    private static readonly Lazy<WadlDocument> Loaded = new(() => new WadlDocument(Locate()));

    private readonly Dictionary<(string Path, string Method, int Status), string> schemas = [];

    private WadlDocument(string path)
    {
        var root = XDocument.Load(path).Root!;
        foreach (var resources in root.Elements(Wadl + "resources")) Walk(resources, "");
    }

    public static WadlDocument Instance => Loaded.Value;

    /// <summary>The documented schema of a response, e.g. ("/api/2/issue/{issueIdOrKey}", "GET", 200), or null when the WADL gives none.</summary>
    public JsonSchema? ResponseSchema(string path, string method, int status)
    {
        if (!schemas.TryGetValue((path, method, status), out var text)) return null;
        var converted = Convert(JsonNode.Parse(text)!)!.AsObject();
        converted["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        return JsonSchema.Build(JsonSerializer.SerializeToElement(converted), new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri($"https://contract.test/wadl/{Guid.NewGuid():N}"));
    }

    private void Walk(XElement parent, string path)
    {
        foreach (var resource in parent.Elements(Wadl + "resource"))
        {
            string full = path.TrimEnd('/') + "/" + ((string?)resource.Attribute("path") ?? "").Trim('/');
            foreach (var method in resource.Elements(Wadl + "method"))
            {
                foreach (var response in method.Elements(Wadl + "response"))
                {
                    if (!int.TryParse((string?)response.Attribute("status"), out int status)) continue;
                    var code = response.Descendants(Html + "p")
                        .Where(p => (string?)p.Element(Html + "h6") == "Schema")
                        .Select(p => p.Descendants(Html + "code").FirstOrDefault()?.Value)
                        .FirstOrDefault(c => c is not null);
                    if (code is not null) schemas[(full, (string)method.Attribute("name")!, status)] = code;
                }
            }
            Walk(resource, full);
        }
    }

    /// <summary>Draft-04 to 2020-12: "definitions" become "$defs" (and their references follow); the old "id" is dropped.</summary>
    private static JsonNode? Convert(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (key == "id" && value is JsonValue) continue;
                    if (key == "$ref" && value is JsonValue reference)
                        result["$ref"] = reference.GetValue<string>().Replace("#/definitions/", "#/$defs/", StringComparison.Ordinal);
                    else
                        result[key == "definitions" ? "$defs" : key] = Convert(value);
                }
                return result;
            case JsonArray array:
                return new JsonArray(array.Select(Convert).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    private static string Locate() => SpecFile.Locate("jira-datacenter-8.4.3.wadl", "JIRA_WADL");
}
