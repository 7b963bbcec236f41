using JiraEmulator.Auth;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;
using Microsoft.AspNetCore.StaticFiles;

namespace JiraEmulator.Endpoints;

/// <summary>
/// Attachments: POST issue/{k}/attachments (multipart, "file" parts, X-Atlassian-Token: no-check; 200 with an array),
/// GET attachment/meta, GET/DELETE attachment/{id}, and the bytes at attachment/content/{id} (Cloud) or
/// /secure/attachment/{id}/{filename} (Data Center).
/// </summary>
public static class AttachmentEndpoints
{
    /// <summary>Per-file upload limit, reported by attachment/meta; larger files get 413 as on a real site.</summary>
    public const long UploadLimit = 10 * 1024 * 1024;

    public const string XsrfFailed = "XSRF check failed";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        api.MapPost("/issue/{issueIdOrKey}/attachments", async (HttpContext context, string issueIdOrKey) =>
        {
            var request = context.Request;
            // Jira refuses multipart posts without this header (its XSRF guard), before it even looks at the issue.
            string token = request.Headers["X-Atlassian-Token"].ToString();
            if (!token.Equals("no-check", StringComparison.OrdinalIgnoreCase) && !token.Equals("nocheck", StringComparison.OrdinalIgnoreCase))
                throw new JiraErrorException(StatusCodes.Status403Forbidden, XsrfFailed);
            var issue = Lookup.Issue(state, issueIdOrKey);
            if (!request.HasFormContentType || !(request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
                throw new JiraErrorException(StatusCodes.Status415UnsupportedMediaType, "The request must be multipart/form-data with one or more parts named 'file'.");
            var form = await request.ReadFormAsync(context.RequestAborted);
            var files = form.Files.GetFiles("file");
            if (files.Count == 0) throw JiraErrorException.BadRequest("No file was attached: send one or more multipart parts named 'file'.");
            if (files.FirstOrDefault(f => f.Length > UploadLimit) is { } tooLarge)
                throw new JiraErrorException(StatusCodes.Status413PayloadTooLarge, $"The file '{tooLarge.FileName}' is {tooLarge.Length} bytes, above the attachment limit of {UploadLimit} bytes.");

            var caller = context.CurrentUser();
            var added = new List<Attachment>();
            foreach (var file in files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, context.RequestAborted);
                added.Add(state.IssueService.AddAttachment(issue, Path.GetFileName(file.FileName), MimeTypeOf(file), buffer.ToArray(), caller));
            }
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            return JsonResponse.Ok(w =>
            {
                w.WriteStartArray();
                foreach (var attachment in added) AttachmentRenderer.Write(w, attachment, ctx);
                w.WriteEndArray();
            });
        });

        api.MapGet("/attachment/meta", () => JsonResponse.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("enabled", true);
            w.WriteNumber("uploadLimit", UploadLimit);
            w.WriteEndObject();
        }));

        api.MapGet("/attachment/{id}", (HttpContext context, string id) =>
        {
            var attachment = Find(state, id);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            return JsonResponse.Ok(w => AttachmentRenderer.Write(w, attachment, ctx, metadata: true));
        });

        api.MapDelete("/attachment/{id}", (HttpContext context, string id) =>
        {
            state.IssueService.DeleteAttachment(Find(state, id), context.CurrentUser());
            return Results.NoContent();
        });

        if (state.IsCloud)
        {
            // redirect=true (the default) would send Cloud clients to the media service; the emulator serves the bytes itself.
            api.MapGet("/attachment/content/{id}", (string id) => Content(Find(state, id)));
        }
    }

    /// <summary>Data Center's download URL (the "content" link of its attachments), outside /rest but with the same auth.</summary>
    public static void MapDataCenterDownload(WebApplication app, EmulatorState state)
    {
        if (state.IsCloud) return;
        app.MapGet("/secure/attachment/{id}/{filename}", (string id, string filename) =>
        {
            var attachment = Find(state, id);
            if (attachment.Filename != filename) throw JiraErrorException.NotFound($"The attachment {id} is not named '{filename}'.");
            return Content(attachment);
        });
    }

    private static IResult Content(Attachment attachment) =>
        // Range requests get 206 (or 416), as the spec lists for attachment content.
        Results.File(attachment.Content, attachment.MimeType, attachment.Filename, enableRangeProcessing: true);

    private static Attachment Find(EmulatorState state, string id) =>
        state.Data.Records.FindAttachment(Lookup.Id(id, "attachment"))
        ?? throw JiraErrorException.NotFound($"The attachment with id '{id}' does not exist.");

    /// <summary>The part's own type, unless it is missing or generic: then Jira guesses from the file name.</summary>
    private static string MimeTypeOf(IFormFile file)
    {
        string declared = file.ContentType ?? "";
        if (declared.Length > 0 && !declared.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase)) return declared;
        return ContentTypes.TryGetContentType(file.FileName, out var guessed) ? guessed : "application/octet-stream";
    }
}
