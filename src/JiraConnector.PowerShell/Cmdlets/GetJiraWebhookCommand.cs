using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using JiraConnector.Events;
using JiraConnector.Http;
using JiraConnector.Errors;

namespace JiraConnector.Cmdlets
{
    /// <summary>Lists the webhooks registered in Jira: the dynamic ones of this OAuth 2.0 app, or the
    /// admin ones (-Admin, or any connection other than OAuth 2.0).</summary>
    [Cmdlet(VerbsCommon.Get, "JiraWebhook")]
    [OutputType(typeof(JiraWebhook))]
    public sealed class GetJiraWebhookCommand : JiraInstanceCmdlet
    {
        /// <summary>Only the webhooks with these ids.</summary>
        [Parameter(Position = 0)]
        public long[]? Id { get; set; }

        /// <summary>List admin webhooks (/rest/webhooks/1.0) even on an OAuth 2.0 connection. Other connections always do.</summary>
        [Parameter]
        public SwitchParameter Admin { get; set; }

        protected override void ProcessRecord()
        {
            var instance = ResolveInstance();
            var wanted = Id == null ? null : new HashSet<long>(Id);
            try
            {
                foreach (var hook in Await(new WebhookApi(instance, Trace).ListAllAsync(WebhookApi.KindFor(instance, Admin), CancellationToken)))
                {
                    if (wanted == null || wanted.Remove(hook.Id)) WriteObject(hook);
                }
            }
            catch (JiraApiException ex)
            {
                ThrowJiraError(ex, "webhooks");
            }
            foreach (var missing in wanted ?? Enumerable.Empty<long>())
            {
                WriteError(ErrorRecords.NotFound($"No {WebhookApi.KindFor(instance, Admin)} webhook with id {missing} on {instance.Name}.", ErrorIds.ObjectNotFound.WebhookNotFound, missing));
            }
        }
    }
}
