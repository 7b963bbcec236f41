using JiraEmulator.Auth;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>serverInfo (how clients detect Cloud versus Data Center) and myself.</summary>
public static class ServerEndpoints
{
    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        api.MapGet("/serverInfo", (HttpContext context) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var now = state.Time.GetUtcNow();
            return JsonResponse.Ok(w =>
            {
                w.WriteStartObject();
                w.WriteString("baseUrl", ctx.SiteUrl);
                if (state.IsCloud)
                {
                    w.WriteString("displayUrl", ctx.SiteUrl);
                    w.WriteString("version", "1001.0.0-SNAPSHOT");
                    WriteNumbers(w, [1001, 0, 0]);
                    w.WriteString("deploymentType", "Cloud");
                    w.WriteNumber("buildNumber", 100290);
                    w.WriteString("buildDate", "2026-02-01T00:00:00.000+0000");
                }
                else
                {
                    w.WriteString("version", "8.4.3");
                    WriteNumbers(w, [8, 4, 3]);
                    w.WriteString("deploymentType", "Server");
                    w.WriteNumber("buildNumber", 804003);
                    w.WriteString("buildDate", "2019-11-19T00:00:00.000+0000");
                }
                w.WriteString("serverTime", JiraTime.Format(now));
                w.WriteString("scmInfo", "0000000000000000000000000000000000000000");
                w.WriteString("serverTitle", "JiraEmulator");
                if (state.IsCloud) w.WriteString("serverTimeZone", "Etc/UTC");
                w.WriteEndObject();
            });
        });

        api.MapGet("/myself", (HttpContext context) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var user = context.CurrentUser();
            bool groups = context.Request.GetList("expand").Contains("groups");
            return JsonResponse.Ok(w => UserRenderer.Write(w, user, ctx, groups, full: true));
        });
    }

    private static void WriteNumbers(System.Text.Json.Utf8JsonWriter w, int[] numbers)
    {
        w.WriteStartArray("versionNumbers");
        foreach (int n in numbers) w.WriteNumberValue(n);
        w.WriteEndArray();
    }
}
