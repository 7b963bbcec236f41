using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Paging;

namespace JiraConnector.Resources
{
    /// <summary>Opens the record streams of a resource: a paged read (which keeps its cursor for
    /// -NextPage), a read through a resource's own source (worklogs), or a REST path passed through.
    /// Each gives the one <see cref="RecordStream"/> the reading cmdlets write from.</summary>
    internal static class RecordStreams
    {
        /// <summary>A paged read from <paramref name="start"/>, with a query's selection.</summary>
        public static RecordStream Paged(JiraInstance instance, ResourceDefinition definition, PageCursor start, RecordSelection? selection,
            ReadRange range, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            selection ??= RecordSelection.All;
            NoteClampedPageSize(start.Style.FirstRequest, range.PageSize, trace);
            var take = Math.Min(range.First, selection.Limit);
            // Without a client filter every item read is a record, so a reader that fetches ahead need not pass -Skip plus -First.
            var wanted = selection.Filter != null ? ulong.MaxValue : range.Skip + Math.Min(take, ulong.MaxValue - range.Skip);
            var reader = start.Style.CreateReader(instance.Client, trace, wanted);
            var items = reader.ReadAsync(start, cancellationToken);
            if (IsOneWordPassThrough(definition.Name, definition.CursorKey)) items = TypoCheck(items, definition.CursorKey, cancellationToken);
            var records = Shape(items, item => definition.Shape(item, instance.Name), selection, cancellationToken);
            return new RecordStream(records.GetAsyncEnumerator(cancellationToken), range.Skip, take,
                () => selection.Total?.Invoke(reader.Total) ?? Task.FromResult(new RecordTotal(reader.Total, reader.Total == null ? 0.0 : 1.0)),
                _ => instance.KeepCursor(definition.CursorKey, reader.Position));
        }

        /// <summary>A resource read from its first page, as Get-JiraObject reads it: incidents
        /// with their count for -IncludeTotalCount (approximate-count on Cloud).</summary>
        public static RecordStream Read(JiraInstance instance, ResolvedResource resource, ReadOptions options, Func<JiraRecord, JiraRecord> then,
            ReadRange range, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            var start = PageCursor.Start(resource.Definition.Paging(instance, options));
            var selection = resource.Definition.Name == "incidents" ? IncidentCount.Selection(instance, options, trace, cancellationToken) : null;
            return Paged(instance, resource.Bind(then), start, selection, range, trace, cancellationToken);
        }

        /// <summary>Goes on from where the last paged read of the instance stopped; null when it
        /// reached the end, or nothing was read yet.</summary>
        public static RecordStream? Continue(JiraInstance instance, ResourceDefinition definition, ReadRange range, IJiraTrace? trace,
            CancellationToken cancellationToken)
        {
            var saved = instance.CursorFor(definition.CursorKey);
            return saved == null ? null : Paged(instance, definition, saved, null, range, trace, cancellationToken);
        }

        /// <summary>A read by the resource's own source (one page needing two requests); no total, no cursor.</summary>
        public static RecordStream FromSource(JiraInstance instance, ResolvedResource resource, IItemSource source, Func<JiraRecord, JiraRecord> then,
            ReadRange range, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            var context = resource.ContextFor(instance.Name);
            var records = Shape(source.ReadAsync(instance.Client, trace, cancellationToken), item => then(resource.Definition.Shaper(item, context)),
                RecordSelection.All, cancellationToken);
            return new RecordStream(records.GetAsyncEnumerator(cancellationToken), range.Skip, range.First);
        }

        /// <summary>A REST path read as is. A one-word name that Jira does not know either (404) was
        /// most likely a typo of a resource name, and is reported as one.</summary>
        public static RecordStream PassThrough(JiraInstance instance, ResolvedResource resource, ReadOptions options, Func<JiraRecord, JiraRecord> then,
            ReadRange range, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            var reader = new PagedReader(instance.Client, trace);
            var context = resource.ContextFor(instance.Name);
            var items = reader.ReadAsync(PageCursor.Start(resource.Definition.Paging(instance, options)), cancellationToken);
            if (IsOneWordPassThrough(resource.Definition.Name, resource.ObjectName)) items = TypoCheck(items, resource.ObjectName, cancellationToken);
            var records = Shape(items, item => then(resource.Definition.Shaper(item, context)), RecordSelection.All, cancellationToken);
            return new RecordStream(records.GetAsyncEnumerator(cancellationToken), range.Skip, range.First, close: _ => instance.KeepCursor(resource.CursorKey, reader.Position));
        }

        private static async IAsyncEnumerable<object> Shape(IAsyncEnumerable<JsonElement> items, Func<JsonElement, JiraRecord> shape,
            RecordSelection selection, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var filter = selection.Filter;
            var project = selection.Project;
            await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var record = shape(item);
                if (filter != null && !filter(record)) continue;
                yield return project == null ? record : project(record);
            }
        }

        /// <summary>A one-word name read as a REST path (Get-JiraObject, Invoke-JiraQuery, -NextPage).</summary>
        private static bool IsOneWordPassThrough(string definitionName, string path) =>
            definitionName == PassThroughResource.Marker && path.IndexOf('/') < 0;

        private static async IAsyncEnumerable<JsonElement> TypoCheck(IAsyncEnumerable<JsonElement> items, string name,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var enumerator = items.GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (JiraApiException ex) when (ex.StatusCode == 404)
                    {
                        throw ResourceCatalog.UnknownObject(name, " and Jira has no REST path of that name");
                    }
                    if (!more) yield break;
                    yield return enumerator.Current;
                }
            }
            finally
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
        }

        /// <summary>Each endpoint has its own page limit; say so when the page size asked for more.</summary>
        private static void NoteClampedPageSize(JiraRequest first, int pageSize, IJiraTrace? trace)
        {
            if (trace == null) return;
            var match = System.Text.RegularExpressions.Regex.Match(first.RelativeUrl, @"[?&]maxResults=(\d+)");
            if (match.Success && int.TryParse(match.Groups[1].Value, out var sent) && sent < pageSize)
            {
                trace.Write($"-PageSize {pageSize} is more than this endpoint serves a page; asking for {sent}.");
            }
        }
    }
}
