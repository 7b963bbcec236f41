using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;

namespace JiraConnector.Connection
{
    /// <summary>Turns a URL and credentials into a checked <see cref="JiraInstance"/>: reads
    /// serverInfo to learn the deployment, then /myself to prove the credentials.</summary>
    internal static class InstanceConnector
    {
        // apiRoot: where the REST API lives when it is not the url itself; an OAuth site is
        // reached through the gateway, {gateway}/ex/jira/{cloudId}/.
        public static async Task<JiraInstance> ConnectAsync(string? name, Uri url, IJiraAuthenticator auth, JiraHttpSettings settings,
            IJiraTrace? trace, CancellationToken cancellationToken, Uri? apiRoot = null)
        {
            var client = new JiraHttpClient(apiRoot ?? url, auth, settings);
            try
            {
                // rest/api/2 exists on every deployment, so it is the safe place to ask which one this is.
                JiraDeployment deployment;
                string version;
                using (var info = await client.GetJsonAsync(new JiraRequest(System.Net.Http.HttpMethod.Get, "rest/api/2/serverInfo"), trace, cancellationToken).ConfigureAwait(false))
                {
                    var root = info.RootElement;
                    deployment = string.Equals(ReadString(root, "deploymentType"), "Cloud", StringComparison.OrdinalIgnoreCase)
                        ? JiraDeployment.Cloud
                        : JiraDeployment.DataCenter;
                    version = ReadString(root, "version") ?? string.Empty;
                }

                var restPath = deployment == JiraDeployment.Cloud ? "rest/api/3/" : "rest/api/2/";
                string user;
                using (var me = await client.GetJsonAsync(new JiraRequest(System.Net.Http.HttpMethod.Get, restPath + "myself"), trace, cancellationToken).ConfigureAwait(false))
                {
                    var root = me.RootElement;
                    // Cloud knows people by e-mail (the Basic login); Data Center by user name.
                    user = (deployment == JiraDeployment.Cloud
                               ? ReadString(root, "emailAddress") ?? ReadString(root, "displayName")
                               : ReadString(root, "name") ?? ReadString(root, "emailAddress"))
                           ?? auth.UserHint;
                }

                return new JiraInstance(string.IsNullOrEmpty(name) ? DefaultName(url) : name!, url, deployment, auth.AuthType, user, version, client);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        /// <summary>"mysite" for https://mysite.atlassian.net, the host (and port) otherwise.</summary>
        internal static string DefaultName(Uri url)
        {
            const string cloudSuffix = ".atlassian.net";
            if (url.Host.EndsWith(cloudSuffix, StringComparison.OrdinalIgnoreCase))
            {
                return url.Host.Substring(0, url.Host.Length - cloudSuffix.Length);
            }
            return url.IsDefaultPort ? url.Host : url.Host + ":" + url.Port;
        }

        private static string? ReadString(JsonElement root, string name) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
    }
}
