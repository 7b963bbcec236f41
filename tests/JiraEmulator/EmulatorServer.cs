using JiraEmulator.Auth;
using JiraEmulator.Endpoints;
using JiraEmulator.Faults;
using JiraEmulator.Http;
using JiraEmulator.OAuth;
using JiraEmulator.RateLimiting;
using JiraEmulator.Webhooks;

namespace JiraEmulator;

/// <summary>
/// A running emulator. Unit tests start one in-process with StartAsync and dispose it; the command
/// line (Program) starts one and waits for Ctrl+C.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly EmulatorState state;

    private EmulatorServer(WebApplication app, EmulatorState state, Uri baseUrl)
    {
        this.app = app;
        this.state = state;
        BaseUrl = baseUrl;
    }

    /// <summary>The bound address with a trailing slash, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The same plan that POST /__emulator/faults edits.</summary>
    public FaultPlan Faults => state.Faults;

    /// <summary>What clients sent (everything but /__emulator).</summary>
    public RequestLog Requests => state.Requests;

    public EmulatorOptions Options => state.Options;

    /// <summary>Every route the emulator serves, as (HTTP method, route template such as /rest/api/3/issue/{issueIdOrKey}):
    /// what the contract tests hold against the spec (the OAuth scopes each operation needs, for one).</summary>
    public IReadOnlyList<(string Method, string Template)> Routes =>
        ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern.RawText ?? "")))
            .ToList();

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Issues < 0) throw new ArgumentOutOfRangeException(nameof(options), "Issues must not be negative.");

        var state = new EmulatorState(options, TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(EmulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Warnings only, and to stderr: test output stays clean and stdout carries only the "listening" line.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.WebHost.UseUrls(options.Urls);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(state.Faults);
        builder.Services.AddSingleton(state.Requests);
        builder.Services.AddSingleton(state.Time);

        var app = builder.Build();
        // Order matters: the log sees the final status and the caller; errors become ErrorCollections
        // inside it; auth runs before faults so a faulted request is still attributed to its user.
        app.UseMiddleware<ExJiraAliasMiddleware>();
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<ErrorMiddleware>();
        app.UseMiddleware<JiraAuthMiddleware>();
        app.UseMiddleware<RateLimitMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        app.UseRouting();
        app.UseMiddleware<OAuthScopeMiddleware>();

        AdminEndpoints.Map(app, state);
        if (state.IsCloud) OAuthEndpoints.Map(app, state);
        foreach (var (segment, version) in state.ApiRoots)
        {
            var api = app.MapGroup($"/rest/api/{segment}");
            ServerEndpoints.Map(api, version, state);
            ProjectEndpoints.Map(api, version, state);
            SearchEndpoints.Map(api, version, state);
            IssueEndpoints.Map(api, version, state);
            CommentEndpoints.Map(api, version, state);
            CommentPropertyEndpoints.Map(api, version, state);
            IssueLinkEndpoints.Map(api, version, state);
            CreateMetaEndpoints.Map(api, version, state);
            JqlParseEndpoints.Map(api, version, state);
            IssuePickerEndpoints.Map(api, version, state);
            VersionEndpoints.Map(api, version, state);
            ComponentEndpoints.Map(api, version, state);
            FilterEndpoints.Map(api, version, state);
            WorklogEndpoints.Map(api, version, state);
            WorklogBulkDeleteEndpoints.Map(api, version, state);
            IssueChildEndpoints.Map(api, version, state);
            AttachmentEndpoints.Map(api, version, state);
            PropertyEndpoints.Map(api, version, state);
            UserEndpoints.Map(api, version, state);
            UserBulkEndpoints.Map(api, version, state);
            GroupEndpoints.Map(api, version, state);
            GroupPickerEndpoints.Map(api, version, state);
            ProjectCrudEndpoints.Map(api, version, state);
            MetadataEndpoints.Map(api, version, state);
            CatalogSearchEndpoints.Map(api, version, state);
            SchemeEndpoints.Map(api, version, state);
            if (state.IsCloud) DynamicWebhookEndpoints.Map(api, version, state);
        }
        var agile = app.MapGroup("/rest/agile/1.0");
        BoardEndpoints.Map(agile, state);
        SprintEndpoints.Map(agile, state);
        AdminWebhookEndpoints.Map(app, state);
        AttachmentEndpoints.MapDataCenterDownload(app, state);
        RestFallback.Map(app);

        await app.StartAsync(ct);
        string address = app.Urls.First();
        state.SiteUrl = address.TrimEnd('/');
        return new EmulatorServer(app, state, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Completes when the host stops (Ctrl+C or SIGTERM on the command line).</summary>
    internal Task WaitForShutdownAsync(CancellationToken ct = default) => app.WaitForShutdownAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await state.Dispatcher.DisposeAsync();
    }
}
