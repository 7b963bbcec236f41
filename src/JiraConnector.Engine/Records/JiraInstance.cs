using System;
using JiraConnector.Errors;
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

        /// <summary>Keeps where the last paged read stopped, and what it read (the resource as
        /// typed: incidents, incidents/OPS-1/comments), for -NextPage.</summary>
        internal void KeepCursor(string resource, PageCursor? cursor)
        {
            lock (_cursorLock)
            {
                _cursor = cursor;
                _cursorResource = resource;
            }
        }

        /// <summary>Where the last paged read of <paramref name="resource"/> stopped; null when it
        /// reached the end or nothing was read yet. The cursor is a page request of one resource,
        /// so going on with it for another would return that one's records as this one's: an
        /// error names the resource it belongs to.</summary>
        internal PageCursor? CursorFor(string resource)
        {
            lock (_cursorLock)
            {
                if (_cursor == null || string.Equals(_cursorResource, resource, StringComparison.OrdinalIgnoreCase)) return _cursor;
                throw new JiraArgumentException(ErrorIds.InvalidArgument.NextPageOfAnotherResource,
                    $"The last paged read on instance '{Name}' was of {_cursorResource}, not {resource}: -NextPage goes on with the read it follows " +
                    $"(Get-JiraObject {_cursorResource} -NextPage), or read {resource} from its start.", "NextPage");
            }
        }

        private readonly object _cursorLock = new object();
        private PageCursor? _cursor;
        private string? _cursorResource;

        public override string ToString() => Name + " (" + Url + ")";
    }
}
