namespace JiraEmulator.Events;

/// <summary>Fan-out of JiraEvents to subscribers (the webhook dispatcher). Publishing never blocks the request.</summary>
public sealed class EventBus
{
    private readonly Lock gate = new();
    private readonly List<Action<JiraEvent>> subscribers = [];

    public void Subscribe(Action<JiraEvent> subscriber)
    {
        lock (gate) subscribers.Add(subscriber);
    }

    public void Publish(JiraEvent jiraEvent)
    {
        Action<JiraEvent>[] current;
        lock (gate) current = subscribers.ToArray();
        foreach (var subscriber in current) subscriber(jiraEvent);
    }
}
