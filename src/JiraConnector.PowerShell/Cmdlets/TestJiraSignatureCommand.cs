using System.Management.Automation;
using System.Net;
using System.Security;
using System.Text;
using JiraConnector.Http;
using JiraConnector.Errors;

namespace JiraConnector.Cmdlets
{
    /// <summary>Checks a webhook signature against the raw body: the connector's
    /// Elements-Webhook-Signature (sha256=base64) on bulk callbacks and events, or Jira's
    /// X-Hub-Signature (sha256=hex). Returns $true or $false; compares in constant time.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "JiraSignature")]
    [OutputType(typeof(bool))]
    public sealed class TestJiraSignatureCommand : PSCmdlet
    {
        /// <summary>The request body exactly as received (a string is taken as UTF-8, or give the bytes).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyString]
        public object Body { get; set; } = string.Empty;

        /// <summary>The header's value: sha256=&lt;base64&gt; or sha256=&lt;hex&gt;.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Signature { get; set; } = string.Empty;

        /// <summary>The signature key (event.notification.signature.key or the webhook's secret), as a string or SecureString.</summary>
        [Parameter(Mandatory = true, Position = 2)]
        [ValidateNotNull]
        public object Key { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            var body = Body is PSObject wrapped ? wrapped.BaseObject : Body;
            var bytes = body as byte[] ?? Encoding.UTF8.GetBytes(body?.ToString() ?? string.Empty);
            var key = Key is PSObject k ? k.BaseObject : Key;
            var secret = key is SecureString secure ? new NetworkCredential(string.Empty, secure).Password : key?.ToString();
            if (string.IsNullOrEmpty(secret))
            {
                ThrowTerminatingError(ErrorRecords.From(new JiraArgumentException(ErrorIds.InvalidArgument.EmptySignatureKey, "-Key is empty.", "Key"), null));
            }
            WriteObject(WebhookSignature.Verify(bytes, Signature, secret!));
        }
    }
}
