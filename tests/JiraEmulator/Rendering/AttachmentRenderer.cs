using System.Globalization;
using System.Text.Json;
using JiraEmulator.Data;

namespace JiraEmulator.Rendering;

/// <summary>
/// Attachments in Jira's two shapes: Attachment (in an issue's "attachment" field and the upload answer, id a string)
/// and AttachmentMetadata (GET attachment/{id}: id a number, plus "properties").
/// </summary>
public static class AttachmentRenderer
{
    public static void Write(Utf8JsonWriter writer, Attachment attachment, ApiContext api, bool metadata = false)
    {
        writer.WriteStartObject();
        writer.WriteString("self", $"{api.ApiRoot}/attachment/{attachment.Id}");
        if (metadata) writer.WriteNumber("id", attachment.Id);
        else writer.WriteString("id", attachment.Id.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("filename", attachment.Filename);
        UserRenderer.WriteOrNull(writer, "author", attachment.Author, api);
        writer.WriteString("created", JiraTime.Format(attachment.Created));
        writer.WriteNumber("size", attachment.Content.Length);
        writer.WriteString("mimeType", attachment.MimeType);
        if (metadata)
        {
            writer.WriteStartObject("properties");
            writer.WriteEndObject();
        }
        writer.WriteString("content", ContentUrl(attachment, api));
        writer.WriteEndObject();
    }

    /// <summary>Where the bytes are: Cloud's attachment/content/{id}; Data Center's /secure/attachment/{id}/{filename}.</summary>
    public static string ContentUrl(Attachment attachment, ApiContext api) => api.IsCloud
        ? $"{api.ApiRoot}/attachment/content/{attachment.Id}"
        : $"{api.SiteUrl}/secure/attachment/{attachment.Id}/{Uri.EscapeDataString(attachment.Filename)}";
}
