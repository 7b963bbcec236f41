using System.Text.Json;
using JiraConnector.Resources;

namespace JiraConnector
{
    /// <summary>Base of every object the module emits: the common properties flattened by the
    /// subclass, and the whole Jira JSON kept for anything not mapped.</summary>
    public abstract class JiraRecord
    {
        private object? _raw;

        internal JiraRecord(JsonElement json, RecordContext context)
        {
            Json = json;
            InstanceName = context.InstanceName;
            ObjectName = context.ObjectName;
        }

        /// <summary>The instance this object was read from, so piping it on reaches the same Jira.</summary>
        public string InstanceName { get; }

        /// <summary>The resource it was read through (e.g. incidents or incidents/OPS-1/comments), so
        /// that Set-JiraObject and Remove-JiraObject bind it from the pipeline.</summary>
        public string ObjectName { get; }

        /// <summary>Jira's JSON as PowerShell objects (converted on first use, then kept).</summary>
        public object? Raw => _raw ??= JsonToPowerShell.Convert(Json);

        /// <summary>Jira's JSON text, exactly as received.</summary>
        public string RawJson => Json.GetRawText();

        internal JsonElement Json { get; }
    }
}
