using System.Text;
using System.Text.Json;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>Shared paging helpers: clamping (Jira clamps and echoes, it does not refuse), PageBean envelopes (style A)
/// and the legacy offset pages (style B).</summary>
public static class Paging
{
    public static int Clamp(int requested, int max, int min = 0) => Math.Clamp(requested, min, max);

    /// <summary>The request's own URL with startAt/maxResults replaced: used for "self" and "nextPage".</summary>
    public static string PageUrl(HttpRequest request, ApiContext api, int startAt, int maxResults)
    {
        var builder = new StringBuilder($"{api.SiteUrl}{request.Path}?");
        foreach (var (name, values) in request.Query)
        {
            if (name is "startAt" or "maxResults") continue;
            foreach (var value in values) builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value ?? "")).Append('&');
        }
        builder.Append("startAt=").Append(startAt).Append("&maxResults=").Append(maxResults);
        return builder.ToString();
    }

    /// <summary>Writes {self, nextPage?, maxResults, startAt, total, isLast, values:[...]} for one page of items. The Agile
    /// API's pages are the same without the links (<paramref name="links"/> false), as its schemas allow nothing else.</summary>
    public static void WritePageBean<T>(Utf8JsonWriter writer, HttpRequest request, ApiContext api, IReadOnlyList<T> all, int startAt, int maxResults,
        Action<Utf8JsonWriter, T> writeItem, bool links = true)
    {
        int end = Math.Min(all.Count, startAt + maxResults);
        bool isLast = end >= all.Count;
        writer.WriteStartObject();
        if (links) writer.WriteString("self", PageUrl(request, api, startAt, maxResults));
        if (links && !isLast) writer.WriteString("nextPage", PageUrl(request, api, end, maxResults));
        writer.WriteNumber("maxResults", maxResults);
        writer.WriteNumber("startAt", startAt);
        writer.WriteNumber("total", all.Count);
        writer.WriteBoolean("isLast", isLast);
        writer.WriteStartArray("values");
        for (int i = startAt; i < end; i++) writeItem(writer, all[i]);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Style B: {startAt, maxResults, total, &lt;arrayName&gt;:[...]}, the page of <paramref name="all"/> from startAt.</summary>
    public static void WriteOffsetPage<T>(Utf8JsonWriter writer, string arrayName, IReadOnlyList<T> all, int startAt, int maxResults, Action<Utf8JsonWriter, T> writeItem)
    {
        writer.WriteStartObject();
        writer.WriteNumber("startAt", startAt);
        writer.WriteNumber("maxResults", maxResults);
        writer.WriteNumber("total", all.Count);
        writer.WriteStartArray(arrayName);
        for (int i = startAt; i < Math.Min(all.Count, startAt + maxResults); i++) writeItem(writer, all[i]);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
