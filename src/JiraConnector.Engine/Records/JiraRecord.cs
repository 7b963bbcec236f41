using System.Collections.Generic;
using System.Text.Json;
using JiraConnector.Json;
using JiraConnector.Resources;

namespace JiraConnector
{
    /// <summary>Base of every object the module emits: the common properties flattened by the
    /// subclass, and the whole Jira JSON kept for anything not mapped (the module shows it as Raw).</summary>
    public abstract class JiraRecord : IJiraJson
    {
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

        /// <summary>Jira's JSON text, exactly as received. The module shows it as the hidden member
        /// RawJson, so that a list of a record's properties is not swamped by it.</summary>
        internal string RawJson => Json.GetRawText();

        /// <summary>Custom fields a read asked for, by display name with plain values; the module
        /// shows each as a property of the record.</summary>
        internal IReadOnlyList<KeyValuePair<string, object?>>? CustomFields { get; set; }

        internal JsonElement Json { get; }

        object? IJiraJson.ToPlainValue() => JsonValue.ToPlain(Json);

        string IJiraJson.RawText => RawJson;
    }
}
