using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using JiraConnector.Events;
using JiraConnector.Http;
using JiraConnector.Errors;

namespace JiraConnector.Cmdlets
{
    /// <summary>Registers a webhook in Jira: a dynamic one (Cloud, OAuth 2.0 connections) or, with
    /// -Admin or on any other connection, an admin webhook, which may carry a signing secret.</summary>
    [Cmdlet(VerbsLifecycle.Register, "JiraWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(JiraWebhook))]
    public sealed class RegisterJiraWebhookCommand : JiraInstanceCmdlet
    {
        /// <summary>Where Jira should POST the events (for Receive-JiraEvent: its -Prefix, or the public end of a tunnel to it).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Url { get; set; } = string.Empty;

        /// <summary>Jira's event names, such as jira:issue_created, jira:issue_updated, jira:issue_deleted, comment_created, worklog_updated.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Alias("Events")]
        [ValidateNotNullOrEmpty]
        public string[] Event { get; set; } = new string[0];

        /// <summary>Only events of issues that match this JQL (required for dynamic webhooks, which
        /// allow only project, issuekey, issuetype, status, assignee, reporter with = != IN NOT IN).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Jql { get; set; }

        /// <summary>The admin webhook's name (default: "JiraConnector" and the URL).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Signs every delivery with X-Hub-Signature (admin webhooks only); give the same secret to Receive-JiraEvent.</summary>
        [Parameter]
        [ValidateNotNull]
        public SecureString? Secret { get; set; }

        /// <summary>Use the admin API (/rest/webhooks/1.0) even on an OAuth 2.0 connection. Other connections always use it.</summary>
        [Parameter]
        public SwitchParameter Admin { get; set; }

        protected override void ProcessRecord()
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
