using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using JiraConnector.Connection.OAuth;

namespace JiraConnector.Bulk.Jobs
{
    /// <summary>What a job was asked to do, written once when it starts (manifest.json), so that a
    /// new process can resume it exactly: same file (checked by its SHA-256), same mapping, same
    /// target. Never holds a credential or the callback's signature key.</summary>
    internal sealed class BulkManifest
    {
        public string JobId { get; set; } = string.Empty;
        public string ObjectName { get; set; } = string.Empty;
        public BulkAction Action { get; set; }
        public string File { get; set; } = string.Empty;
        public string? SourceSha256 { get; set; }
        public string Format { get; set; } = "csv";
        public string Delimiter { get; set; } = ",";
        public string IdentifierField { get; set; } = "key";
        public int ThrottleLimit { get; set; } = 4;
        public bool NoFormulaEscape { get; set; }
        public string InstanceName { get; set; } = string.Empty;
        public string InstanceUrl { get; set; } = string.Empty;
        public string? CallbackUrl { get; set; }
        public string? Jql { get; set; }

        /// <summary>Downloads started with -Query: the OCNQL statement, planned again when the job
        /// runs for the part the client must check (JQL holds what Jira can filter).</summary>
        public string? Query { get; set; }

        public int? Limit { get; set; }
        public List<string>? Fields { get; set; }
        public DateTimeOffset CreatedAt { get; set; }

        public bool IsDownload => Action == BulkAction.Download;

        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions { WriteIndented = true };

        /// <summary>Written to a temporary file and renamed, so a reader never sees half a manifest.</summary>
        public void Save(string path)
        {
            var temporary = path + ".tmp";
            if (System.IO.File.Exists(temporary)) System.IO.File.Delete(temporary);
            OwnerOnlyFiles.WriteNew(temporary, JsonSerializer.Serialize(this, Options));
            if (System.IO.File.Exists(path)) System.IO.File.Delete(path);
            System.IO.File.Move(temporary, path);
        }

        public static BulkManifest Load(string path)
        {
            try
            {
                return JsonSerializer.Deserialize<BulkManifest>(System.IO.File.ReadAllText(path))
                    ?? throw new InvalidDataException($"The job manifest {path} is empty.");
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"The job manifest {path} is not valid JSON: {ex.Message}", ex);
            }
        }
    }
}
