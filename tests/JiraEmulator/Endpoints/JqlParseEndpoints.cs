using System.Text.Json.Nodes;
using JiraEmulator.Auth;
using JiraEmulator.Http;
using JiraEmulator.Jql;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>
/// POST jql/parse (Cloud; Data Center 8.4.3's WADL has no such resource): each query's structure, errors and warnings,
/// checked in the caller's context. validation=strict (the default) gives no structure once a query has an error,
/// warn gives it whenever the query is well formed, none checks nothing but the syntax. A value that does not
/// exist is a warning, not an error, and under strict it too withholds the structure, as in Jira's own example. The
/// emulator reports a query's first problem only.
/// </summary>
public static class JqlParseEndpoints
{
    private static readonly string[] Validations = ["strict", "warn", "none"];

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        if (!state.IsCloud) return;
        api.MapPost("/jql/parse", async (HttpContext context) =>
        {
            string validation = context.Request.Query["validation"].ToString() is { Length: > 0 } v ? v : "strict";
            if (!Validations.Contains(validation))
                throw JiraErrorException.BadRequest($"The value '{validation}' of the parameter 'validation' is not valid: use strict, warn or none.");
            var body = await context.Request.ReadJsonObjectAsync();
            if (body["queries"] is not JsonArray { Count: > 0 } queries || queries.Any(q => q?.GetValueKind() != System.Text.Json.JsonValueKind.String))
                throw JiraErrorException.Field("queries", "The queries must be a non-empty array of strings.");
            var caller = context.CurrentUser();
            var results = queries.Select(q => Parse(q!.GetValue<string>(), validation, state, caller)).ToList();
            return JsonResponse.Ok(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("queries");
                foreach (var (query, structure, errors, warnings) in results)
                {
                    w.WriteStartObject();
                    w.WriteString("query", query);
                    if (structure is not null)
                    {
                        w.WritePropertyName("structure");
                        JqlStructureRenderer.Write(w, structure);
                    }
                    WriteMessages(w, "errors", errors);
                    WriteMessages(w, "warnings", warnings);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });
    }

    private static (string Query, JqlQuery? Structure, List<string> Errors, List<string> Warnings) Parse(string jql, string validation, EmulatorState state, Data.User caller)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        JqlQuery? structure = null;
        try
        {
            structure = JqlParser.Parse(jql);
            // Compiling resolves fields, operators and values exactly as the searches do.
            if (validation != "none") state.Search.Compile(jql, caller);
        }
        catch (JiraErrorException error)
        {
            (JqlErrors.IsWarning(error) ? warnings : errors).AddRange(error.Messages);
        }
        if (validation == "strict" && errors.Count + warnings.Count > 0) structure = null;
        return (jql, structure, errors, warnings);
    }

    private static void WriteMessages(System.Text.Json.Utf8JsonWriter w, string name, List<string> messages)
    {
        if (messages.Count == 0) return;
        w.WriteStartArray(name);
        foreach (var message in messages) w.WriteStringValue(message);
        w.WriteEndArray();
    }
}
