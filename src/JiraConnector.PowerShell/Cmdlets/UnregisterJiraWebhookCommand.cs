using System.Management.Automation;
using JiraConnector.Events;
using JiraConnector.Http;

namespace JiraConnector.Cmdlets
{
    /// <summary>Deletes webhooks from Jira, by id or piped from Get-JiraWebhook.</summary>
    [Cmdlet(VerbsLifecycle.Unregister, "JiraWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class UnregisterJiraWebhookCommand : JiraInstanceCmdlet
    {
        /// <summary>The webhook's id; bound from a piped webhook's Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public long[] Id { get; set; } = new long[0];

        /// <summary>Delete admin webhooks (/rest/webhooks/1.0) even on an OAuth 2.0 connection. A piped webhook brings its own kind.</summary>
        [Parameter]
        public SwitchParameter Admin { get; set; }

        /// <summary>A webhook from Get-JiraWebhook; it binds -Id and says which API it lives in.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            var piped = InputObject?.BaseObject as JiraWebhook;
            var instance = ResolveInstance(piped?.InstanceName);
            var kind = piped?.Kind ?? WebhookApi.KindFor(instance, Admin);
            var api = new WebhookApi(instance, Trace);
            foreach (var id in Id)
            {
                if (!ShouldProcess($"{kind} webhook {id} on {instance.Name}", "Unregister")) continue;
                try
                {
                    Await(api.UnregisterAsync(kind, id, CancellationToken));
                }
                catch (JiraApiException ex)
                {
                    WriteError(ErrorRecords.From(ex, id));
                }
            }
        }
    }
}
