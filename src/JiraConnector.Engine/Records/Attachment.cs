using System;
using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>A file attached to an incident (its metadata; Content is the download URL).</summary>
    public sealed class Attachment : JiraRecord
    {
        internal Attachment(JsonElement json, RecordContext context) : base(json, context)
        {
            Id = JsonRead.String(json, "id") ?? string.Empty;
            Incident = context.ParentId;
            FileName = JsonRead.String(json, "filename");
            Author = JsonRead.Name(json, "author", "displayName");
            Size = JsonRead.Int64(json, "size");
            MimeType = JsonRead.String(json, "mimeType");
            Created = JsonRead.Date(json, "created");
            Content = JsonRead.String(json, "content");
        }

        public string Id { get; }
        public string? Incident { get; }
        public string? FileName { get; }
        public string? Author { get; }
        public long? Size { get; }
        public string? MimeType { get; }
        public DateTimeOffset? Created { get; }
        public string? Content { get; }

        public override string ToString() => FileName ?? Id;
    }
}
