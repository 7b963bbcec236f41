using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Errors;
using JiraConnector.Http;
using JiraConnector.Internal;
using JiraConnector.Json;
using JiraConnector.Paging;

namespace JiraConnector.Resources
{
    /// <summary>Users given by e-mail address where Jira wants an account (assignee=alice@example.com
    /// in -Fields or a CSV cell): each address is looked up once per instance (user/search) and
    /// written as the account id (Cloud) or user name (Data Center) it belongs to. The lookups run
    /// before a body is written, so writing stays synchronous and reads only what was found.</summary>
    internal sealed class UserDirectory
    {
        private static readonly ConditionalWeakTable<JiraInstance, UserDirectory> Directories = new ConditionalWeakTable<JiraInstance, UserDirectory>();

        private readonly JiraInstance _instance;
        private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _accounts =
            new ConcurrentDictionary<string, Lazy<Task<string>>>(StringComparer.OrdinalIgnoreCase);

        private UserDirectory(JiraInstance instance)
        {
            _instance = instance;
        }

        public static UserDirectory For(JiraInstance instance) => Directories.GetValue(instance, i => new UserDirectory(i));

        /// <summary>An e-mail address rather than an account id or user name.</summary>
        public static bool IsEmail(string text) => text.IndexOf('@') > 0 && text.IndexOf(' ') < 0;

        /// <summary>The account of an address already looked up, else the text as it is.</summary>
        [MethodImpl(JitHints.PerRow)]
        public string AccountOf(string text) =>
            IsEmail(text) && _accounts.TryGetValue(text, out var found) && found.Value.Status == TaskStatus.RanToCompletion ? found.Value.Result : text;

        /// <summary>Looks up the addresses among the user values of these fields (by field id); an
        /// address no user has is an error naming it.</summary>
        public async Task FindAsync(IEnumerable<KeyValuePair<string, object?>> fields, FieldCatalog catalog, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            foreach (var address in Addresses(fields, catalog))
            {
                var lookup = _accounts.GetOrAdd(address, a => new Lazy<Task<string>>(() => LookUpAsync(a, trace, cancellationToken)));
                try
                {
                    await lookup.Value.ConfigureAwait(false);
                }
                catch (Exception) when (lookup.Value.IsFaulted || lookup.Value.IsCanceled)
                {
                    // A failed lookup is not kept: the next row or call asks again.
                    _accounts.TryRemove(address, out _);
                    throw;
                }
            }
        }

        private static IEnumerable<string> Addresses(IEnumerable<KeyValuePair<string, object?>> fields, FieldCatalog catalog)
        {
            foreach (var pair in fields)
            {
                var field = catalog.Find(pair.Key) ?? TryResolve(catalog, pair.Key);
                if (field == null || !(field.Type == "user" || (field.Type == "array" && field.ItemType == "user"))) continue;
                foreach (var value in Values(pair.Value))
                {
                    if (value is string text && IsEmail(text)) yield return text;
                }
            }
        }

        private static Field? TryResolve(FieldCatalog catalog, string name)
        {
            try
            {
                return catalog.Resolve(name);
            }
            catch (ArgumentException)
            {
                return null; // the body reports the unknown field
            }
        }

        private static IEnumerable<object?> Values(object? value) =>
            value is string || !(value is System.Collections.IEnumerable list) ? new[] { value } : list.Cast<object?>();

        private async Task<string> LookUpAsync(string address, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            var cloud = _instance.Deployment == JiraDeployment.Cloud;
            var request = Rest.Get(_instance, "user/search", new QueryString().Add(cloud ? "query" : "username", address).Add("maxResults", 50));
            using var document = await _instance.Client.GetJsonAsync(request, trace, cancellationToken).ConfigureAwait(false);
            foreach (var user in PageItems.FromArray(document.RootElement))
            {
                if (!string.Equals(JsonRead.String(user, "emailAddress"), address, StringComparison.OrdinalIgnoreCase)) continue;
                var account = JsonRead.String(user, cloud ? "accountId" : "name");
                if (!string.IsNullOrEmpty(account)) return account!;
            }
            throw new JiraArgumentException(ErrorIds.InvalidArgument.UnknownUser,
                $"No Jira user has the e-mail address '{address}' (or Jira does not show it to you): give the account id{(cloud ? string.Empty : " or user name")} instead.", "Fields");
        }
    }
}
