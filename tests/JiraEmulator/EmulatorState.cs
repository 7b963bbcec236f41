using JiraEmulator.Auth;
using JiraEmulator.Data;
using JiraEmulator.Events;
using JiraEmulator.Faults;
using JiraEmulator.Issues;
using JiraEmulator.OAuth;
using JiraEmulator.Search;
using JiraEmulator.Webhooks;

namespace JiraEmulator;

/// <summary>Everything one running emulator holds, registered as a singleton so middleware and endpoints share it.</summary>
public sealed class EmulatorState
{
    public EmulatorState(EmulatorOptions options, TimeProvider time)
    {
        Options = options;
        Time = time;
        Data = SeedData.Build(options);
        Credentials = new Credentials(Data);
        Faults = new FaultPlan(options.Seed);
        Requests = new RequestLog(time);
        Search = new SearchService(Data, time, options);
        Events = new EventBus();
        IssueService = new IssueService(Data, Events, time);
        OAuth = new OAuthServer(options, time);
        Webhooks = new WebhookRegistry(Data, time);
        Dispatcher = new WebhookDispatcher(Webhooks, this);
    }

    /// <summary>The bound site URL (no trailing slash), known once Kestrel has started; used where no request is at hand (webhook bodies).</summary>
    public string SiteUrl { get; set; } = "http://127.0.0.1";

    public EmulatorOptions Options { get; }
    public TimeProvider Time { get; }
    public JiraData Data { get; }
    public Credentials Credentials { get; }
    /// <summary>The site's groups, now (groups can be created and deleted).</summary>
    public IReadOnlyList<Group> Groups => Data.Groups;
    public FaultPlan Faults { get; }
    public RequestLog Requests { get; }
    public SearchService Search { get; }
    public EventBus Events { get; }
    public IssueService IssueService { get; }
    public OAuthServer OAuth { get; }
    public WebhookRegistry Webhooks { get; }
    public WebhookDispatcher Dispatcher { get; }

    public bool IsCloud => Options.Deployment == Deployment.Cloud;

    /// <summary>
    /// REST roots served, as (path segment, version rendered): Cloud has 3 and 2, Data Center only 2; both also answer
    /// /rest/api/latest, which Jira resolves to version 2 (its self links then say /rest/api/2).
    /// </summary>
    public IReadOnlyList<(string Segment, int Version)> ApiRoots => IsCloud ? [("3", 3), ("2", 2), ("latest", 2)] : [("2", 2), ("latest", 2)];
}
