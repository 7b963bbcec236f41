namespace JiraConnector.Tests.Unit.Connection;

/// <summary>The sample configurations of the connector's documentation (shared/seed), copied as
/// printed there: fragments without the outer braces, placeholders in square brackets.</summary>
internal static class SeedSamples
{
    public const string OAuth = """
        "configuration": {
            "oauth.api.key": "[myApiKey]",
            "oauth.api.secret": "[myApiSecret]",
            "site.url": "[mySiteURL]",
            "oauth.callback.url": ""
        """;

    public const string Basic = """
        "configuration": {
            "username": "[myUsername]",
            "password": "[myPassword]",
            "base.url": "[myServerURL]",
            "oauth.callback.url": ""
        """;

    /// <summary>The webhook example (oldest key names), made whole: the docs cut its braces off.</summary>
    public const string Events = """
        {
          "element": {
            "key": "jira"
          },
          "configuration": {
            "jira.username": "<INSERT_JIRA_USERNAME>",
            "jira.password": "<INSERT_JIRA_PASSWORD>",
            "jira.api.url": "<INSERT_JIRA_SUBDOMAIN_URL>",
            "event.notification.enabled": "true",
            "event.notification.callback.url": "<INSERT_YOUR_APPS_CALLBACK_URL>"
          },
          "tags": [
          ]
        }
        """;

    /// <summary>Replaces each placeholder with a value, as a user filling in the sample would.</summary>
    public static string Fill(string sample, IReadOnlyDictionary<string, string> values) =>
        values.Aggregate(sample, (text, pair) => text.Replace(pair.Key, pair.Value, StringComparison.Ordinal));
}
