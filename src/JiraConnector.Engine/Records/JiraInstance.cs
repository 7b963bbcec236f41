using System;
using JiraConnector.Http;
using JiraConnector.Paging;

namespace JiraConnector
{
    /// <summary>A connected Jira: what Get-JiraInstance shows. Holds its HTTP pipeline and paging
    /// cursor internally; no public member ever exposes a credential.</summary>
    public sealed class JiraInstance
    {
        internal JiraInstance(string name, Uri url, JiraDeployment deployment, JiraAuthType authType, string user,
            string serverVersion, JiraHttpClient client)
        {
            Name = name;
            Url = url;
            Deployment = deployment;
            AuthType = authType;
            User = user;
            ServerVersion = serverVersion;
            Client = client;
            ConnectedAt = DateTimeOffset.Now;
        }

        /// <summary>The name other cmdlets take in -Instance.</summary>
        public string Name { get; }

        public Uri Url { get; }

        public JiraDeployment Deployment { get; }

        public JiraAuthType AuthType { get; }

        /// <summary>Who the credentials belong to, as Jira's /myself reported it.</summary>
        public string User { get; }

        public string ServerVersion { get; }

        public DateTimeOffset ConnectedAt { get; }

        /// <summary>True for the instance that cmdlets use when -Instance is not given.</summary>
        public bool IsDefault { get; internal set; }

        /// <summary>The event.* settings of -Configuration (disabled otherwise); never shows the signature key.</summary>
        public JiraEventSettings Events { get; internal set; } = JiraEventSettings.None;

        /// <summary>"rest/api/3/" on Cloud (ADF text), "rest/api/2/" on Data Center.</summary>
        internal string RestPath => Deployment == JiraDeployment.Cloud ? "rest/api/3/" : "rest/api/2/";

        internal JiraHttpClient Client { get; }

        /// <summary>Where the last paged read stopped, for -NextPage. Guarded by the instance lock.</summary>
        internal PageCursor? Cursor
        {
            get { lock (_cursorLock) return _cursor; }
            set { lock (_cursorLock) _cursor = value; }
        }

        private readonly object _cursorLock = new object();
        private PageCursor? _cursor;

        public override string ToString() => Name + " (" + Url + ")";
    }
}
