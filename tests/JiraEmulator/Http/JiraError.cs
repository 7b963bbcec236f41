using System.Text.Json;

namespace JiraEmulator.Http;

/// <summary>
/// Thrown anywhere below an endpoint (JQL parsing, validation) to answer with Jira's ErrorCollection.
/// An exception keeps deep code free of result plumbing; ErrorMiddleware turns it into the response.
/// </summary>
public sealed class JiraErrorException(int status, IReadOnlyList<string> messages, IReadOnlyDictionary<string, string>? errors = null)
    : Exception(string.Join(" ", messages))
{
    public JiraErrorException(int status, string message) : this(status, [message]) { }

    public int Status { get; } = status;
    public IReadOnlyList<string> Messages { get; } = messages;
    public IReadOnlyDictionary<string, string> Errors { get; } = errors ?? new Dictionary<string, string>();

    public static JiraErrorException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);
    public static JiraErrorException NotFound(string message) => new(StatusCodes.Status404NotFound, message);
    public static JiraErrorException Field(string field, string message) =>
        new(StatusCodes.Status400BadRequest, [], new Dictionary<string, string> { [field] = message });
}

/// <summary>Jira's error body: {"errorMessages":[...],"errors":{...}}.</summary>
public static class ErrorCollection
{
    public static void Write(Utf8JsonWriter writer, IEnumerable<string> messages, IReadOnlyDictionary<string, string>? errors = null, int? status = null)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("errorMessages");
        foreach (var message in messages) writer.WriteStringValue(message);
        writer.WriteEndArray();
        writer.WriteStartObject("errors");
        if (errors is not null)
        {
            foreach (var (field, message) in errors) writer.WriteString(field, message);
        }
        writer.WriteEndObject();
        if (status is int s) writer.WriteNumber("status", s);
        writer.WriteEndObject();
    }

    public static IResult Result(int status, params string[] messages) =>
        JsonResponse.Status(status, w => Write(w, messages));

    public static IResult Result(JiraErrorException error) =>
        JsonResponse.Status(error.Status, w => Write(w, error.Messages, error.Errors));
}
