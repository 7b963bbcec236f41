using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using JiraConnector.Connection;
using JiraConnector.Http;

namespace JiraConnector.Cmdlets
{
    /// <summary>Connects to a Jira site, checks the credentials, and adds the instance to the session.</summary>
    [Cmdlet(VerbsCommunications.Connect, "JiraInstance", DefaultParameterSetName = CredentialSet)]
    [OutputType(typeof(JiraInstance))]
    public sealed class ConnectJiraInstanceCommand : JiraCmdlet
    {
        private const string CredentialSet = "Credential";
        private const string TokenSet = "PersonalAccessToken";

        /// <summary>The site's base URL, e.g. https://your-site.atlassian.net or https://jira.example.com/jira.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Url { get; set; } = string.Empty;

        /// <summary>User name (e-mail on Cloud) and API token or password, for Basic authentication.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        /// <summary>A Data Center personal access token, sent as a Bearer token.</summary>
        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        [ValidateNotNull]
        public SecureString? PersonalAccessToken { get; set; }

        /// <summary>The name to use in -Instance. Defaults to the site name (or host and port).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Make this the default instance even if another one is connected.</summary>
        [Parameter]
        public SwitchParameter Default { get; set; }

        /// <summary>Retries after a 429, 502, 503, 504, timeout or dropped connection (default 4).</summary>
        [Parameter]
        [ValidateRange(0, 20)]
        public int MaxRetries { get; set; } = 4;

        /// <summary>Seconds to wait for one attempt of one request (default 100).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 100;

        /// <summary>Allow credentials over plain http to a host other than this machine.</summary>
        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>Write the connected instance to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            Uri url;
            IJiraAuthenticator auth;
            try
            {
                url = UrlPolicy.ParseJiraUrl(Url, nameof(Url));
                UrlPolicy.EnsureCredentialsMayBeSent(url, AllowUnencryptedAuthentication);
                auth = ParameterSetName == TokenSet
                    ? new BearerTokenAuthenticator(Plain(PersonalAccessToken!))
                    : new BasicAuthenticator(Credential.UserName, Credential.GetNetworkCredential().Password);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(ex, "InvalidConnectionParameter", Url));
                return;
            }

            var settings = new JiraHttpSettings { MaxRetries = MaxRetries, AttemptTimeout = TimeSpan.FromSeconds(TimeoutSec) };
            JiraInstance instance;
            try
            {
                instance = Await(InstanceConnector.ConnectAsync(Name, url, auth, settings, Trace, CancellationToken));
            }
            catch (JiraApiException ex)
            {
                ThrowJiraError(ex, Url);
                return;
            }

            var replaced = JiraSessionRegistry.Current.Add(instance, Default);
            replaced?.Client.Dispose();
            WriteVerbose($"Connected to {instance.Url} as {instance.User} ({instance.Deployment}, Jira {instance.ServerVersion}) as instance '{instance.Name}'.");
            if (PassThru) WriteObject(instance);
        }

        private static string Plain(SecureString secure) => new NetworkCredential(string.Empty, secure).Password;
    }
}
