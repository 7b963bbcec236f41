using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CsvHelper;
using JiraConnector.Paging;
using JiraConnector.Resources;
using JiraConnector.Json;
using JiraConnector.Bulk.Sources;
using JiraConnector.Bulk.Jobs;

namespace JiraConnector.Bulk.Download
{
    /// <summary>A download: reads a JQL query (several requests at once, up to the job's
    /// -ThrottleLimit, in the query's order) and streams each issue to the file as it comes (CSV or
    /// JSON Lines), so memory holds the read's window of pages, not the result. CSV cells get the formula guard
    /// unless the job was started with -NoFormulaEscape. A resumed download starts the file again.</summary>
    internal static class BulkDownload
    {
        private const int PageSize = 100;

        public static async Task RunAsync(BulkRun job, BulkContext context)
        {
            var manifest = job.Manifest;
            var instance = context.Instance;
            var cloud = instance.Deployment == JiraDeployment.Cloud;
            var catalog = await FieldCatalog.ForAsync(instance, null, context.Cancellation).ConfigureAwait(false);
            var csv = SourceFile.FormatOf(manifest.File) == "csv";
            var columns = (manifest.Fields != null && manifest.Fields.Count > 0 ? manifest.Fields : DownloadColumn.DefaultIncidentColumns.ToList())
                .Select(f => DownloadColumn.Resolve(f, catalog)).ToList();
            var fieldIds = columns.Where(c => c.FieldId != null).Select(c => c.FieldId!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var query = manifest.Query == null ? null : DownloadQuery.Plan(manifest.Query, catalog);
            var jql = query?.Jql ?? (string.IsNullOrWhiteSpace(manifest.Jql) ? ResourceCatalog.AllIncidentsJql : manifest.Jql!);
            // A query Jira cannot answer exactly is checked here, on every field it may name.
            if (query != null && !query.IsExact) fieldIds.Add("*navigable");
            var options = new ReadOptions
            {
                Jql = jql, Fields = fieldIds.Count == 0 ? new[] { "key" } : fieldIds, PageSize = PageSize, Concurrency = manifest.ThrottleLimit,
            };
            var style = ResourceCatalog.Get("incidents").Paging(instance, options);
            // Cloud's estimate, for the progress bar, is asked for beside the first page, not before it.
            var counting = cloud && (query == null || query.IsExact) ? ApproximateCountAsync(context, jql) : null;
            if (manifest.Limit is int cap) job.SetCount(cap);

            var directory = Path.GetDirectoryName(Path.GetFullPath(manifest.File));
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            using var stream = new FileStream(manifest.File, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024);
            using var text = new StreamWriter(stream, new UTF8Encoding(false));
            // The formula guard is ours (CsvCells), reversible on upload; CsvHelper's own stays off.
            using var writer = csv ? CsvWriter.Create(text, CsvOptions.Writer(manifest.Delimiter[0]), true) : null;
            if (writer != null)
            {
                foreach (var column in columns) writer.WriteField(column.Header);
                writer.EndRecord();
            }

            long written = 0;
            // A limited download that Jira filters exactly needs no more issues from it than the limit.
            var wanted = manifest.Limit is int most && (query == null || query.IsExact) ? (ulong)most : ulong.MaxValue;
            var reader = style.CreateReader(instance.Client, null, wanted);
            await foreach (var issue in reader.ReadAsync(PageCursor.Start(style), context.Cancellation).ConfigureAwait(false))
            {
                if (query != null && !query.Matches(issue)) continue;
                if (manifest.Limit is int limit && written >= limit) break;
                if (writer != null)
                {
                    foreach (var column in columns)
                    {
                        var cell = column.ValueOf(issue, cloud);
                        writer.WriteField(manifest.NoFormulaEscape ? cell : CsvCells.Escape(cell));
                    }
                    writer.EndRecord();
                }
                else
                {
                    await text.WriteLineAsync(issue.GetRawText()).ConfigureAwait(false);
                }
                written++;
                job.SetProgress(written, 0);
                if (counting != null && counting.IsCompleted)
                {
                    var estimate = await counting.ConfigureAwait(false);
                    if (estimate > 0 && (manifest.Limit == null || estimate < manifest.Limit)) job.SetCount(estimate);
                    counting = null;
                }
                if (query == null && reader.Total is long total && total > job.RecordsCount) job.SetCount(total);
                if (written > job.RecordsCount) job.SetCount(written);
            }
            // An estimate still on its way is of no use now; its failure is not the download's.
            if (counting != null) _ = counting.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            writer?.Flush();
            await text.FlushAsync().ConfigureAwait(false);
            job.SetCount(written);
        }

        /// <summary>Cloud's estimate of the result size, for the progress bar; 0 when unknown.</summary>
        private static async Task<long> ApproximateCountAsync(BulkContext context, string jql)
        {
            try
            {
                var body = "{\"jql\":" + JsonSerializer.Serialize(jql) + "}";
                using var answer = await BulkHttp.SendAsync(context, new Http.JiraRequest(System.Net.Http.HttpMethod.Post,
                    context.Instance.RestPath + "search/approximate-count", body, safeToRepeat: true)).ConfigureAwait(false);
                return answer == null ? 0 : JsonRead.Int64(answer.RootElement, "count") ?? 0;
            }
            catch (Http.JiraApiException)
            {
                return 0;
            }
        }
    }
}
