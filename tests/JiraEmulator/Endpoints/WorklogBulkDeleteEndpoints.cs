using System.Text.Json.Nodes;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Issues;

namespace JiraEmulator.Endpoints;

/// <summary>
/// DELETE issue/{k}/worklog with {"ids":[...]} (Cloud, experimental): at most 5000 ids, all of them the issue's
/// (otherwise 404 and nothing is deleted), 204 on success. As the spec says, no notifications (webhooks) are sent;
/// the deletions still show in worklog/deleted.
/// </summary>
public static class WorklogBulkDeleteEndpoints
{
    public const int MaxIds = 5000;

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        if (!state.IsCloud) return;
        api.MapDelete("/issue/{issueIdOrKey}/worklog", async (HttpContext context, string issueIdOrKey) =>
        {
            var issue = Lookup.Issue(state, issueIdOrKey);
            string adjust = context.Request.Query["adjustEstimate"].ToString();
            if (adjust.Length > 0 && adjust is not ("leave" or "auto"))
                throw JiraErrorException.BadRequest($"The adjustEstimate value '{adjust}' is not valid: use leave or auto.");
            var body = await context.Request.ReadJsonObjectAsync();
            if (body["ids"] is not JsonArray ids || ids.Count == 0) throw JiraErrorException.Field("ids", "The ids are required.");
            if (ids.Count > MaxIds) throw JiraErrorException.BadRequest($"The number of worklogs ({ids.Count}) exceeds the limit of {MaxIds}.");

            var doomed = new List<Worklog>();
            foreach (var node in ids)
            {
                if (node is not JsonValue value || !value.TryGetValue(out long id))
                    throw JiraErrorException.Field("ids", $"The worklog id '{node?.ToJsonString()}' is not a number.");
                var worklog = state.Data.Records.FindWorklog(id);
                if (worklog is null || worklog.Issue != issue)
                    throw JiraErrorException.NotFound($"The worklog {id} does not belong to the issue {issue.Key}.");
                if (!doomed.Contains(worklog)) doomed.Add(worklog);
            }

            Estimates.Adjust(issue, context.Request, -doomed.Sum(w => w.TimeSpentSeconds), null);
            var now = state.Time.GetUtcNow();
            lock (issue.Gate)
            {
                foreach (var worklog in doomed) issue.Worklogs.Remove(worklog);
                issue.Updated = now;
            }
            foreach (var worklog in doomed) state.Data.Records.Remove(worklog, now);
            state.Data.Issues.MarkChanged();
            return Results.NoContent();
        });
    }
}
