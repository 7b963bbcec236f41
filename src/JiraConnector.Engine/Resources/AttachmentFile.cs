using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Errors;
using JiraConnector.Http;

namespace JiraConnector.Resources
{
    /// <summary>Saves an attachment's file (Get-JiraObject incidents/KEY/attachments -Id N -OutFile):
    /// its metadata names the content link (Cloud's attachment/content, Data Center's
    /// /secure/attachment), whose answer is streamed to disk, never held whole in memory.</summary>
    internal static class AttachmentFile
    {
        public const string ResourceName = "incidents/{id}/attachments";

        public static async Task<FileInfo> SaveAsync(JiraInstance instance, ResolvedResource resource, ReadOptions options, string id, string path,
            IJiraTrace? trace, CancellationToken cancellationToken)
        {
            if (resource.Definition.Name != ResourceName)
            {
                throw new JiraArgumentException(ErrorIds.InvalidArgument.ObjectNotSupported,
                    $"-OutFile saves an attachment's file; {resource.ObjectName} has none. Use Get-JiraObject incidents/KEY/attachments -Id ID -OutFile PATH.", "OutFile");
            }
            var records = await RecordReader.ReadOneAsync(instance, resource, options, id, r => r, trace, cancellationToken).ConfigureAwait(false);
            var content = records.OfType<Attachment>().Select(a => a.Content).FirstOrDefault(c => !string.IsNullOrEmpty(c))
                ?? throw new JiraApiException(ErrorIds.InvalidResult.JiraInvalidResponse, $"Jira gave no content link for attachment {id}.", "GET attachment/" + id, null);
            var request = new JiraRequest(HttpMethod.Get, content!) { StreamsBody = true };
            // Written beside the target and moved into place, so a broken download leaves no half file under its name.
            var partial = path + ".part";
            try
            {
                using (var response = await instance.Client.SendAsync(request, trace, cancellationToken).ConfigureAwait(false))
                using (var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
                    await body.CopyToAsync(file, 81920, cancellationToken).ConfigureAwait(false);
                }
                if (File.Exists(path)) File.Delete(path);
                File.Move(partial, path);
            }
            finally
            {
                if (File.Exists(partial)) File.Delete(partial);
            }
            return new FileInfo(path);
        }
    }
}
