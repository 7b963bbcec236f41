using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>
/// GET user/bulk (Cloud): the users named by repeated accountId parameters, as a PageBean (style A, default 10;
/// the spec states no maximum, the emulator clamps to 200). Unknown ids are left out; the order is the request's.
/// </summary>
public static class UserBulkEndpoints
{
    public const int DefaultPage = 10;
    public const int MaxPage = 200;

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        if (!state.IsCloud) return;
        api.MapGet("/user/bulk", (HttpContext context) =>
        {
            var request = context.Request;
            // username and key were removed from Cloud for privacy; Jira refuses them rather than ignoring them.
            if (request.Query.ContainsKey("username") || request.Query.ContainsKey("key"))
                throw JiraErrorException.BadRequest("The username and key parameters are no longer available; use accountId.");
            var ids = request.Query["accountId"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct(StringComparer.Ordinal).ToList();
            if (ids.Count == 0) throw JiraErrorException.BadRequest("At least one accountId parameter is required.");
            if (ids.FirstOrDefault(id => id.Length > 128) is { } tooLong)
                throw JiraErrorException.BadRequest($"The accountId '{tooLong[..20]}...' is longer than 128 characters.");
            var users = ids.Select(id => state.Data.Users.FirstOrDefault(u => u.AccountId == id)).OfType<User>().ToList();
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            int startAt = Math.Max(0, request.GetInt("startAt", 0));
            int maxResults = Paging.Clamp(request.GetInt("maxResults", DefaultPage), MaxPage);
            return JsonResponse.Ok(w => Paging.WritePageBean(w, request, ctx, users, startAt, maxResults,
                (writer, user) => UserRenderer.Write(writer, user, ctx, full: true)));
        });
    }
}
