using System;
using System.Collections;
using System.Management.Automation;
using System.Net;
using System.Security;
using JiraConnector.Connection;
using JiraConnector.Connection.OAuth;
using JiraConnector.Http;
using JiraConnector.Adapters;
using JiraConnector.Errors;

namespace JiraConnector.Cmdlets
{
    /// <summary>Connects to a Jira site, checks the credentials, and adds the instance to the session.
    /// Basic (user name and API token or password), a Data Center personal access token, OAuth 2.0
    /// (3LO) sign-in, or the connector's configuration as a hashtable or JSON file.</summary>
    [Cmdlet(VerbsCommunications.Connect, "JiraInstance", DefaultParameterSetName = CredentialSet)]
    [OutputType(typeof(JiraInstance))]
    public sealed class ConnectJiraInstanceCommand : JiraCmdlet
    {
        private const string CredentialSet = "Credential";
        private const string TokenSet = "PersonalAccessToken";
        private const string OAuthSet = "OAuth";
        private const string ConfigurationSet = "Configuration";
        private const string ConfigurationFileSet = "ConfigurationFile";

        /// <summary>The site's base URL, e.g. https://your-site.atlassian.net or https://jira.example.com/jira.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = CredentialSet)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = TokenSet)]
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

        /// <summary>OAuth 2.0: the Jira Cloud site to sign in to, e.g. https://your-site.atlassian.net.</summary>
        [Parameter(Mandatory = true, ParameterSetName = OAuthSet)]
        [ValidateNotNullOrEmpty]
        public string SiteUrl { get; set; } = string.Empty;

        /// <summary>OAuth 2.0: the app's client id (the connector's oauth.api.key).</summary>
        [Parameter(Mandatory = true, ParameterSetName = OAuthSet)]
        [ValidateNotNullOrEmpty]
        public string ClientId { get; set; } = string.Empty;

        /// <summary>OAuth 2.0: the app's client secret (the connector's oauth.api.secret).</summary>
        [Parameter(Mandatory = true, ParameterSetName = OAuthSet)]
        [ValidateNotNull]
        public SecureString? ClientSecret { get; set; }

        /// <summary>OAuth 2.0: the app's redirect URL, a loopback http address this cmdlet listens on.
        /// Default: http://127.0.0.1:{a free port}/callback.</summary>
        [Parameter(ParameterSetName = OAuthSet)]
        [ValidateNotNullOrEmpty]
        public string? CallbackUrl { get; set; }

        /// <summary>OAuth 2.0: the scopes to ask for; offline_access is always added so the sign-in can be renewed.</summary>
        [Parameter(ParameterSetName = OAuthSet)]
        [Parameter(ParameterSetName = ConfigurationSet)]
        [Parameter(ParameterSetName = ConfigurationFileSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Scope { get; set; }

        /// <summary>OAuth 2.0: do not open a browser; only print the sign-in address (information stream).</summary>
        [Parameter(ParameterSetName = OAuthSet)]
        [Parameter(ParameterSetName = ConfigurationSet)]
        [Parameter(ParameterSetName = ConfigurationFileSet)]
        public SwitchParameter NoBrowser { get; set; }

        /// <summary>OAuth 2.0: seconds to wait for the browser sign-in (default 300).</summary>
        [Parameter(ParameterSetName = OAuthSet)]
        [Parameter(ParameterSetName = ConfigurationSet)]
        [Parameter(ParameterSetName = ConfigurationFileSet)]
        [ValidateRange(5, 3600)]
        public int SignInTimeoutSec { get; set; } = 300;

        /// <summary>The connector's configuration keys (username, password, base.url, or oauth.api.key,
        /// oauth.api.secret, site.url, and the event.* keys), bare or under a 'configuration' key.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ConfigurationSet)]
        [ValidateNotNull]
        public IDictionary? Configuration { get; set; }

        /// <summary>A JSON file with the connector's configuration, bare or as the connector's
        /// instance body {"configuration": {...}}.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ConfigurationFileSet)]
        [ValidateNotNullOrEmpty]
        public string? ConfigurationFile { get; set; }

        /// <summary>The name to use in -Instance. Defaults to the site name (or host and port).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Replace a connection of the same -Name to another site. Without it that is
        /// refused: a connection to the same site under its name is simply renewed.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

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

        /// <summary>A proxy for every request of this instance. Default: the system proxy.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? Proxy { get; set; }

        /// <summary>Credentials for the proxy (given with -Proxy, or for the system proxy).</summary>
        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential? ProxyCredential { get; set; }

        /// <summary>Use no proxy at all, not even the system proxy.</summary>
        [Parameter]
        public SwitchParameter NoProxy { get; set; }

        /// <summary>Allow credentials over plain http to a host other than this machine.</summary>
        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>Write the connected instance to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>OAuth 2.0 authorization server (default https://auth.atlassian.com); for tests.</summary>
        [Parameter(DontShow = true)]
        [ValidateNotNull]
        public Uri? AuthorizationServer { get; set; }

        /// <summary>OAuth 2.0 API gateway (default https://api.atlassian.com); for tests.</summary>
        [Parameter(DontShow = true)]
        [ValidateNotNull]
        public Uri? ApiGateway { get; set; }

        /// <summary>Folder of the OAuth token cache (default: per user, or $env:JIRACONNECTOR_TOKEN_CACHE); for tests.</summary>
        [Parameter(DontShow = true)]
        [ValidateNotNullOrEmpty]
        public string? TokenCachePath { get; set; }

        protected override void ProcessRecord()
        {
            ConnectionTarget target;
            try
            {
                target = ReadTarget();
                if (Proxy != null && NoProxy) throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidConnectionParameter, "Give -Proxy or -NoProxy, not both.", nameof(Proxy));
            }
            catch (ConfigurationException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, ex.Key));
                return;
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, ex.ParamName));
                return;
            }

            JiraInstance instance;
            try
            {
                instance = target.AuthType == JiraAuthType.OAuth2 ? ConnectOAuth(target) : ConnectDirect(target);
            }
            catch (JiraApiException ex)
            {
                ThrowJiraError(ex, target.Url.ToString());
                return;
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, ex.ParamName));
                return;
            }
            instance.Events = target.Events;

            var taken = SessionRegistry.Current.Find(instance.Name);
            if (taken != null && !Force && !SameSite(taken, instance))
            {
                instance.Client.Dispose();
                ThrowTerminatingError(ErrorRecords.New(ErrorIds.ResourceExists.InstanceNameTaken,
                    $"The name '{instance.Name}' is the connection to {taken.Url}; this one is to {instance.Url}. Give another -Name, or -Force to replace it.", instance.Name));
                return;
            }
            var replaced = SessionRegistry.Current.Add(instance, Default);
            replaced?.Client.Dispose();
            if (replaced != null) WriteVerbose($"Replaced the earlier connection named '{instance.Name}'.");
            WriteVerbose($"Connected to {instance.Url} as {instance.User} ({instance.Deployment}, {instance.AuthType}, Jira {instance.ServerVersion}) as instance '{instance.Name}'.");
            if (PassThru) WriteObject(instance);
        }

        private static bool SameSite(JiraInstance a, JiraInstance b) =>
            string.Equals(a.Url.AbsoluteUri.TrimEnd('/'), b.Url.AbsoluteUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

        private ConnectionTarget ReadTarget()
        {
            ConnectionTarget target;
            switch (ParameterSetName)
            {
                case TokenSet:
                    target = ConnectionTarget.PersonalAccessToken(UrlPolicy.ParseJiraUrl(Url, nameof(Url)), Plain(PersonalAccessToken!));
                    break;
                case OAuthSet:
                    target = ConnectionTarget.OAuth(UrlPolicy.ParseJiraUrl(SiteUrl, nameof(SiteUrl)), ClientId, Plain(ClientSecret!), CallbackUrl);
                    break;
                case ConfigurationSet:
                    target = ConnectionTarget.From(ConnectorConfiguration.Parse(ConfigurationSource.FromHashtable((System.Collections.IDictionary)PowerShellValues.ToPlain(Configuration)!)));
                    break;
                case ConfigurationFileSet:
                    var path = GetUnresolvedProviderPathFromPSPath(ConfigurationFile);
                    target = ConnectionTarget.From(ConnectorConfiguration.Parse(ConfigurationSource.FromFile(path)));
                    break;
                default:
                    target = ConnectionTarget.Basic(UrlPolicy.ParseJiraUrl(Url, nameof(Url)), Credential.UserName, Credential.GetNetworkCredential().Password);
                    break;
            }
            if (Name != null) target.Name = InstanceName.Check(Name, nameof(Name));
            else if (target.Name != null) target.Name = InstanceName.Check(target.Name, "name");
            UrlPolicy.EnsureCredentialsMayBeSent(target.Url, AllowUnencryptedAuthentication, HttpSettings());
            if (target.AuthType == JiraAuthType.OAuth2)
            {
                UrlPolicy.EnsureCredentialsMayBeSent(AuthorizationServer ?? OAuthSettings.DefaultAuthorizationServer, AllowUnencryptedAuthentication, HttpSettings());
                UrlPolicy.EnsureCredentialsMayBeSent(ApiGateway ?? OAuthSettings.DefaultApiGateway, AllowUnencryptedAuthentication, HttpSettings());
            }
            return target;
        }

        private JiraInstance ConnectDirect(ConnectionTarget target)
        {
            IJiraAuthenticator auth = target.AuthType == JiraAuthType.PersonalAccessToken
                ? new BearerTokenAuthenticator(target.Secret!)
                : new BasicAuthenticator(target.UserName!, target.Secret!);
            return Await(InstanceConnector.ConnectAsync(target.Name, target.Url, auth, HttpSettings(), Trace, CancellationToken));
        }

        private JiraInstance ConnectOAuth(ConnectionTarget target)
        {
            var folder = TokenCachePath != null ? GetUnresolvedProviderPathFromPSPath(TokenCachePath) : TokenCache.DefaultFolder();
            var settings = new OAuthSettings(target.Url, target.ClientId!, target.ClientSecret!, Scope, AuthorizationServer, ApiGateway, folder);
            var connector = new OAuthConnector(settings, HttpSettings());
            if (connector.HasCachedSignIn)
            {
                return Await(connector.ConnectFromCacheAsync(target.Name, Trace, CancellationToken));
            }
            using var signIn = OAuthSignIn.Start(settings, target.CallbackUrl);
            ShowSignIn(signIn.AuthorizeUrl);
            var code = Await(signIn.WaitForCodeAsync(TimeSpan.FromSeconds(SignInTimeoutSec), Trace, CancellationToken));
            return Await(connector.ConnectWithCodeAsync(target.Name, code, signIn.CallbackUrl, Trace, CancellationToken));
        }

        /// <summary>Opens the browser in an interactive session; in any case the address goes to the
        /// host as an information record (like Write-Host: shown, stream 6, never the output). Not
        /// a warning: -Debug turns warnings into a prompt, which would stall a sign-in.</summary>
        private void ShowSignIn(Uri authorizeUrl)
        {
            var opened = !NoBrowser && IsInteractive() && BrowserLauncher.TryOpen(authorizeUrl);
            var message = opened
                ? $"Sign in to Jira in the browser that just opened (waiting {SignInTimeoutSec} s). If none opened, visit: {authorizeUrl.AbsoluteUri}"
                : $"Open this address in a browser to sign in to Jira (waiting {SignInTimeoutSec} s): {authorizeUrl.AbsoluteUri}";
            WriteInformation(new HostInformationMessage { Message = message }, new[] { "PSHOST", "JiraSignIn" });
        }

        private bool IsInteractive() =>
            Host.Name == "ConsoleHost" && Environment.UserInteractive && !Console.IsInputRedirected &&
            !Array.Exists(Environment.GetCommandLineArgs(), a => a.StartsWith("-noni", StringComparison.OrdinalIgnoreCase));

        private JiraHttpSettings HttpSettings() => new JiraHttpSettings
        {
            MaxRetries = MaxRetries,
            AttemptTimeout = TimeSpan.FromSeconds(TimeoutSec),
            Proxy = Proxy,
            ProxyCredential = ProxyCredential?.GetNetworkCredential(),
            NoProxy = NoProxy,
        };

        private static string Plain(SecureString secure) => new NetworkCredential(string.Empty, secure).Password;
    }
}
