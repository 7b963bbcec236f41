using JiraEmulator.Http;

namespace JiraEmulator.Endpoints;

/// <summary>Unknown REST paths (including /rest/api/3 on Data Center) get 404 with an ErrorCollection body.</summary>
public static class RestFallback
{
    public static void Map(WebApplication app) =>
        app.MapFallback("/rest/{**path}", (HttpContext context) =>
            ErrorCollection.Result(StatusCodes.Status404NotFound, $"null for uri: {context.Request.Path}"));
}
