using System.Text.Json;
using JiraConnector.Events;

namespace JiraConnector.Tests.Unit.Events;

/// <summary>Jira's webhook bodies (the shapes of jira-rest-contract.md section 4) and polled
/// incidents become events that name their object as Get-JiraObject does.</summary>
public sealed class EventMapperTests
{
    private static JiraEvent Map(string json) =>
        EventMapper.FromWebhook(JsonDocument.Parse(json).RootElement.Clone(), "cloud", DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("jira:issue_created", JiraEventType.CREATED)]
    [InlineData("jira:issue_updated", JiraEventType.UPDATED)]
    [InlineData("jira:issue_deleted", JiraEventType.DELETED)]
    public void Issue_events_name_the_incident_by_key(string name, JiraEventType expected)
    {
        var ev = Map("{\"timestamp\":1767225600000,\"webhookEvent\":\"" + name + "\",\"issue\":{\"id\":\"10001\",\"key\":\"OPS-7\",\"fields\":{}}}");

        Assert.Equal(("incidents", "OPS-7", expected), (ev.ObjectType, ev.ObjectId, ev.EventType));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767225600000), ev.Date);
        Assert.Equal(name, ev.JiraEventName);
        Assert.Equal(JiraEventSource.Webhook, ev.Source);
    }

    [Theory]
    [InlineData("""{"webhookEvent":"comment_created","issue":{"key":"OPS-7"},"comment":{"id":"10500"}}""", "incidents/OPS-7/comments", "10500", JiraEventType.CREATED)]
    [InlineData("""{"webhookEvent":"comment_deleted","issue":{"key":"OPS-7"},"comment":{"id":"10500"}}""", "incidents/OPS-7/comments", "10500", JiraEventType.DELETED)]
    [InlineData("""{"webhookEvent":"worklog_updated","worklog":{"id":"300","issueId":"10001"}}""", "incidents/10001/worklogs", "300", JiraEventType.UPDATED)]
    [InlineData("""{"webhookEvent":"issue_property_set","issue":{"key":"WEB-2"},"property":{"key":"flag","value":1}}""", "incidents/WEB-2/properties", "flag", JiraEventType.UPDATED)]
    [InlineData("""{"webhookEvent":"project_created","project":{"id":10010,"key":"NEW"}}""", "projects", "NEW", JiraEventType.CREATED)]
    [InlineData("""{"webhookEvent":"user_deleted","user":{"accountId":"5b10"}}""", "contacts", "5b10", JiraEventType.DELETED)]
    [InlineData("""{"webhookEvent":"jira:version_released","version":{"id":"10002"}}""", "versions", "10002", JiraEventType.UNKNOWN)]
    public void Other_events_name_their_own_object(string body, string objectType, string objectId, JiraEventType expected)
    {
        var ev = Map(body);

        Assert.Equal((objectType, objectId, expected), (ev.ObjectType, ev.ObjectId, ev.EventType));
        Assert.Equal(DateTimeOffset.UnixEpoch, ev.Date);
    }

    [Theory]
    [InlineData("2026-03-01T10:00:00.000+0000", "2026-03-01T10:00:00.000+0000", JiraEventType.CREATED)]
    [InlineData("2026-03-01T10:00:00.000+0000", "2026-03-01T10:00:00.001+0000", JiraEventType.UPDATED)]
    public void A_polled_incident_is_created_when_its_created_and_updated_times_agree(string created, string updated, JiraEventType expected)
    {
        var issue = JsonDocument.Parse($$$"""{"id":"1","key":"OPS-1","fields":{"created":"{{{created}}}","updated":"{{{updated}}}"}}""").RootElement.Clone();

        var ev = EventMapper.FromPolledIncident(issue, "dc");

        Assert.Equal(("incidents", "OPS-1", expected), (ev.ObjectType, ev.ObjectId, ev.EventType));
        Assert.Equal(DateTimeOffset.Parse(updated.Replace("+0000", "+00:00")), ev.Date);
    }
}
