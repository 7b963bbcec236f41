using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Internal;
using JiraConnector.Paging;
using JiraConnector.Errors;

namespace JiraConnector.Resources
{
    /// <summary>An instance's incident fields (GET field), to accept a field by display name
    /// ("Story point estimate") as well as by id (customfield_10016), and to know each field's type
    /// when writing. Read once per instance and shared by every thread of the session.</summary>
    internal sealed class FieldCatalog
    {
        private static readonly ConditionalWeakTable<JiraInstance, Lazy<Task<FieldCatalog>>> Cache =
            new ConditionalWeakTable<JiraInstance, Lazy<Task<FieldCatalog>>>();

        private readonly Dictionary<string, Field> _byId;
        private readonly ILookup<string, Field> _byName;

        public FieldCatalog(IReadOnlyList<Field> fields)
        {
            Fields = fields;
            _byId = fields.GroupBy(f => f.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            // Display names and JQL clause names ("type", "cf[10016]") both find a field.
            _byName = fields.SelectMany(f => new[] { f.Name ?? f.Id }.Concat(f.ClauseNames).Distinct(StringComparer.OrdinalIgnoreCase)
                    .Select(name => new KeyValuePair<string, Field>(name, f)))
                .ToLookup(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
        }

        public IReadOnlyList<Field> Fields { get; }

        /// <summary>The field an id, display name or JQL name stands for; a clear error otherwise.</summary>
        [MethodImpl(JitHints.PerRow)]
        public Field Resolve(string nameOrId)
        {
            var text = (nameOrId ?? string.Empty).Trim();
            if (_byId.TryGetValue(text, out var byId)) return byId;
            var matches = _byName[text].Distinct().ToList();
            if (matches.Count == 1) return matches[0];
            if (matches.Count > 1)
            {
                throw new JiraArgumentException(ErrorIds.InvalidArgument.UnknownField, $"The field name '{text}' is ambiguous: it fits {string.Join(", ", matches.Select(f => f.Id))}. Use the id.", "Fields");
            }
            var near = Fields.Where(f => (f.Name ?? string.Empty).IndexOf(text, StringComparison.OrdinalIgnoreCase) >= 0)
                .Select(f => $"'{f.Name}' ({f.Id})").Take(5).ToList();
            throw new JiraArgumentException(ErrorIds.InvalidArgument.UnknownField, $"Jira has no incident field '{text}'." +
                (near.Count > 0 ? " Did you mean " + string.Join(", ", near) + "?" : " Get-JiraObject fields lists them."), "Fields");
        }

        public Field? Find(string id) => _byId.TryGetValue(id, out var field) ? field : null;

        /// <summary>For queries: the id of the field with this display name, or null when there is
        /// none (the query then reports the name as unknown); an ambiguous name is an error.</summary>
        public string? IdForName(string name) =>
            _byName[(name ?? string.Empty).Trim()].Distinct().Any() ? Resolve(name!).Id : null;

        /// <summary>The instance's catalog, read on first use. A failed read is not kept, so the
        /// next call tries again.</summary>
        public static async Task<FieldCatalog> ForAsync(JiraInstance instance, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            // The shared read writes no trace: the cmdlet that started it may be gone when it ends.
            var lazy = Cache.GetValue(instance, i => new Lazy<Task<FieldCatalog>>(() => ReadAsync(i, null, CancellationToken.None),
                LazyThreadSafetyMode.ExecutionAndPublication));
            try
            {
                return await WithCancellation(lazy.Value, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
            {
                Cache.Remove(instance);
                throw;
            }
        }

        private static async Task<FieldCatalog> ReadAsync(JiraInstance instance, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            using var document = await instance.Client.GetJsonAsync(Rest.Get(instance, "field"), trace, cancellationToken).ConfigureAwait(false);
            var context = new RecordContext(instance.Name, "fields");
            return new FieldCatalog(PageItems.FromArray(document.RootElement).Select(json => new Field(json, context)).ToList());
        }

        // The shared read goes on if one caller gives up (Ctrl+C): others may be waiting for it.
        private static async Task<T> WithCancellation<T>(Task<T> task, CancellationToken cancellationToken)
        {
            if (!cancellationToken.CanBeCanceled || task.IsCompleted) return await task.ConfigureAwait(false);
            var cancelled = new TaskCompletionSource<bool>();
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task) throw new OperationCanceledException(cancellationToken);
            }
            return await task.ConfigureAwait(false);
        }
    }
}
