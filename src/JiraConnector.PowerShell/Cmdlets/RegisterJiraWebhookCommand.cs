using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using JiraConnector.Events;
using JiraConnector.Http;
using JiraConnector.Errors;

namespace JiraConnector.Cmdlets
{
    /// <summary>Registers a webhook in Jira: a dynamic one (Cloud, OAuth 2.0 connections) or, with
    /// -Admin or on any other connection, an admin webhook, which may carry a signing secret. With
    /// -Refresh, extends the app's dynamic webhooks, which Jira drops 30 days after their last
    /// registration or refresh.</summary>
    [Cmdlet(VerbsLifecycle.Register, "JiraWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NewSet)]
    [OutputType(typeof(JiraWebhook))]
    public sealed class RegisterJiraWebhookCommand : JiraInstanceCmdlet
    {
        private const string NewSet = "New";
        private const string RefreshSet = "Refresh";

        /// <summary>Where Jira should POST the events (for Receive-JiraEvent: its -Prefix, or the public end of a tunnel to it).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NewSet)]
        [ValidateNotNullOrEmpty]
        public string Url { get; set; } = string.Empty;

        /// <summary>Jira's event names, such as jira:issue_created, jira:issue_updated, jira:issue_deleted, comment_created, worklog_updated.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = NewSet)]
        [Alias("Events")]
        [ValidateNotNullOrEmpty]
        public string[] Event { get; set; } = new string[0];

        /// <summary>Only events of issues that match this JQL (required for dynamic webhooks, which
        /// allow only project, issuekey, issuetype, status, assignee, reporter with = != IN NOT IN).</summary>
        [Parameter(ParameterSetName = NewSet)]
        [ValidateNotNullOrEmpty]
        public string? Jql { get; set; }

        /// <summary>The admin webhook's name (default: "JiraConnector" and the URL).</summary>
        [Parameter(ParameterSetName = NewSet)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Signs every delivery with X-Hub-Signature (admin webhooks only); give the same secret to Receive-JiraEvent.</summary>
        [Parameter(ParameterSetName = NewSet)]
        [ValidateNotNull]
        public SecureString? Secret { get; set; }

        /// <summary>Use the admin API (/rest/webhooks/1.0) even on an OAuth 2.0 connection. Other connections always use it.</summary>
        [Parameter(ParameterSetName = NewSet)]
        public SwitchParameter Admin { get; set; }

        /// <summary>Extend the app's dynamic webhooks by 30 days from now: those with -Id (or piped
        /// from Get-JiraWebhook), or all. Receive-JiraEvent does it too while it listens.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RefreshSet)]
        public SwitchParameter Refresh { get; set; }

        /// <summary>The dynamic webhooks to refresh (default: all of this app's).</summary>
        [Parameter(ParameterSetName = RefreshSet, ValueFromPipelineByPropertyName = true)]
        public long[]? Id { get; set; }

        /// <summary>Which instance a webhook piped from Get-JiraWebhook belongs to.</summary>
        [Parameter(ParameterSetName = RefreshSet, ValueFromPipelineByPropertyName = true, DontShow = true)]
        public string? InstanceName { get; set; }

        protected override void ProcessRecord()
        {
            if (Refresh) RefreshDynamic();
            else RegisterNew();
        }

        private void RefreshDynamic()
        {
            var instance = ResolveInstance(InstanceName);
            if (WebhookApi.KindFor(instance, admin: false) != JiraWebhookKind.Dynamic)
            {
                ThrowTerminatingError(ErrorRecords.From(new JiraArgumentException(ErrorIds.InvalidArgument.WebhookRefreshNeedsDynamic,
                    $"Instance '{instance.Name}' is not an OAuth 2.0 connection, so its webhooks are admin webhooks, which never expire: there is nothing to refresh. Only the dynamic webhooks of OAuth 2.0 apps lapse after 30 days.", "Refresh"), instance.Name));
            }
            var what = Id == null ? "every dynamic webhook" : "dynamic webhook " + string.Join(", ", Id);
            if (!ShouldProcess($"{what} on {instance.Name}, to expire 30 days from now", "Refresh")) return;
            try
            {
                var refreshed = Await(new WebhookApi(instance, Trace).RefreshAsync(Id, CancellationToken));
                foreach (var hook in refreshed) WriteObject(hook);
                foreach (var missing in (Id ?? new long[0]).Where(id => refreshed.All(h => h.Id != id)))
                {
                    WriteError(ErrorRecords.NotFound($"No dynamic webhook with id {missing} on {instance.Name} belongs to this app: Jira refreshed nothing for it.",
                        ErrorIds.ObjectNotFound.WebhookNotFound, missing));
                }
            }
            catch (JiraApiException ex)
            {
                ThrowJiraError(ex, Id);
            }
        }

        private void RegisterNew()
        {
            if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                ThrowTerminatingError(ErrorRecords.From(new JiraArgumentException(ErrorIds.InvalidArgument.InvalidWebhookUrl, $"-Url must be an absolute http or https URL, not '{Url}'.", "Url"), Url));
            }
            var instance = ResolveInstance();
            var kind = WebhookApi.KindFor(instance, Admin);
            if (kind == JiraWebhookKind.Dynamic && Secret != null)
            {
                ThrowTerminatingError(ErrorRecords.From(new JiraArgumentException(ErrorIds.InvalidArgument.WebhookSecretNeedsAdmin,
                    "-Secret needs an admin webhook: Jira signs dynamic webhooks with the app's JWT, not a secret. Add -Admin.", "Secret"), Url));
            }
            if (kind == JiraWebhookKind.Dynamic && string.IsNullOrWhiteSpace(Jql))
            {
                ThrowTerminatingError(ErrorRecords.From(new JiraArgumentException(ErrorIds.InvalidArgument.WebhookJqlRequired,
                    "-Jql is required for a dynamic webhook, e.g. -Jql 'project = OPS'.", "Jql"), Url));
            }
            if (!ShouldProcess($"{kind} webhook on {instance.Name}: {string.Join(", ", Event)} -> {UrlRedactor.Redact(url)}", "Register")) return;
            var secret = Secret == null ? null : new NetworkCredential(string.Empty, Secret).Password;
            try
            {
                WriteObject(Await(new WebhookApi(instance, Trace).RegisterAsync(kind, url.AbsoluteUri, Event, Jql, Name, secret, CancellationToken)));
            }
            catch (JiraApiException ex)
            {
                ThrowJiraError(ex, Url);
            }
        }
    }
}
