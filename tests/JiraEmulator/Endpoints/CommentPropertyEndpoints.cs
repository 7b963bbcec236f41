using System.Text.Json.Nodes;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>
/// The comment property resource, read side: GET comment/{commentId}/properties (keys) and
/// GET comment/{commentId}/properties/{propertyKey} (EntityProperty). Both deployments have it; on Data Center it is
/// the only documented way to read a comment's properties, since 8.4.3 has no comment/list.
/// </summary>
public static class CommentPropertyEndpoints
{
    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        api.MapGet("/comment/{commentId}/properties", (HttpContext context, string commentId) =>
        {
            var comment = Find(state, commentId);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var keys = Snapshot(comment).Keys.ToArray();
            return JsonResponse.Ok(w => EntityPropertyRenderer.WriteKeys(w, $"{ctx.ApiRoot}/comment/{comment.Id}", keys));
        });

        api.MapGet("/comment/{commentId}/properties/{propertyKey}", (string commentId, string propertyKey) =>
        {
            var comment = Find(state, commentId);
            if (!Snapshot(comment).TryGetValue(propertyKey, out var value))
                throw JiraErrorException.NotFound($"The property with key '{propertyKey}' does not exist.");
            return JsonResponse.Ok(w => EntityPropertyRenderer.WriteProperty(w, propertyKey, value));
        });
    }

    private static Comment Find(EmulatorState state, string commentId) =>
        state.Data.Records.FindComment(Lookup.Id(commentId, "comment"))
            ?? throw JiraErrorException.NotFound($"Can not find a comment for the id: {commentId}.");

    /// <summary>An update replaces the dictionary whole, under the issue's lock: read the reference there.</summary>
    private static Dictionary<string, JsonNode?> Snapshot(Comment comment)
    {
        lock (comment.Issue.Gate) return comment.Properties ?? new Dictionary<string, JsonNode?>();
    }
}
