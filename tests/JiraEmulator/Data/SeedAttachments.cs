using System.Text;

namespace JiraEmulator.Data;

/// <summary>
/// Seeded attachments, chosen by issue index rather than drawn from the seed's Random, so adding them left
/// every other seeded value unchanged: every fifth issue (OPS-1, MOB-2 ...) has a text file, every fifteenth
/// also a PNG. Both are dated between the issue's created and updated, like the other seeded children.
/// </summary>
public static class SeedAttachments
{
    /// <summary>A valid 1x1 transparent PNG, shared by every seeded screenshot.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    public static void Add(Issue issue, int index, JiraData data)
    {
        if (index % 5 != 0) return;
        var when = issue.Created + (issue.Updated - issue.Created) / 2;
        Attach(issue, data, "notes.txt", "text/plain", Encoding.UTF8.GetBytes($"Notes for {issue.Key}: {issue.Summary}\n"), when);
        if (index % 15 == 0) Attach(issue, data, "screenshot.png", "image/png", Png, when);
    }

    private static void Attach(Issue issue, JiraData data, string filename, string mimeType, byte[] content, DateTimeOffset when)
    {
        var attachment = new Attachment
        {
            Id = data.Records.NewAttachmentId(), Issue = issue, Author = issue.Reporter,
            Filename = filename, MimeType = mimeType, Content = content, Created = when,
        };
        issue.Attachments.Add(attachment);
        data.Records.Add(attachment);
    }
}
