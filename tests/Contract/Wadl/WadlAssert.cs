using System.Text.Json;
using Json.Schema;

namespace JiraConnector.Tests.Contract.Wadl;

/// <summary>Validates a Data Center response against the schema its WADL documents, failing with every error and the body.</summary>
public static class WadlAssert
{
    public static void ResponseMatches(string wadlPath, string method, int status, string body)
    {
        var schema = WadlDocument.Instance.ResponseSchema(wadlPath, method, status)
            ?? throw new InvalidOperationException($"The WADL documents no schema for {method} {wadlPath} {status}.");
        using var document = JsonDocument.Parse(body);
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return;
        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .Take(25);
        string shown = body.Length > 600 ? body[..600] + "..." : body;
        Assert.Fail($"{method} {wadlPath} {status} response does not match the Data Center WADL:\n  {string.Join("\n  ", errors)}\nBody: {shown}");
    }
}
