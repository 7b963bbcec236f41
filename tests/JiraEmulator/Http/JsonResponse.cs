using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace JiraEmulator.Http;

/// <summary>
/// A result written with Utf8JsonWriter into a buffer, then sent with a Content-Length. Buffering
/// keeps the hot paths (search pages) allocation-light and lets the truncate fault cut a known length.
/// </summary>
public sealed class JsonResponse(int status, Action<Utf8JsonWriter> write) : IResult
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task ExecuteAsync(HttpContext context)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=UTF-8";
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    public static IResult Ok(Action<Utf8JsonWriter> write) => new JsonResponse(StatusCodes.Status200OK, write);

    public static IResult Status(int status, Action<Utf8JsonWriter> write) => new JsonResponse(status, write);

    /// <summary>A bare JSON array (style D, or an unpaged list), one item written at a time.</summary>
    public static IResult Array<T>(IEnumerable<T> items, Action<Utf8JsonWriter, T> writeItem) => Ok(w =>
    {
        w.WriteStartArray();
        foreach (var item in items) writeItem(w, item);
        w.WriteEndArray();
    });
}
