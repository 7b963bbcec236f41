using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using JiraConnector.Resources;
using JiraConnector.Adapters;

namespace JiraConnector.Cmdlets
{
    /// <summary>Base of New-, Set- and Remove-JiraObject: the resource path, the instance a piped
    /// record came from, and turning -Fields or a piped object into the fields to send.</summary>
    public abstract class JiraWriteCmdlet : JiraInstanceCmdlet
    {
        // Properties of piped records that say which object it is, never fields to write.
        private static readonly string[] IdentityProperties = { "Id", "Key", "ObjectName", "InstanceName", "Raw", "RawJson" };

        /// <summary>The instance a piped record was read from; -Instance wins when given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public string? InstanceName { get; set; }

        internal JiraInstance ResolveTargetInstance() => ResolveInstance(InstanceName);

        /// <summary>Incidents and projects piped in are named by key (what people read), not by id.</summary>
        internal static string TargetId(string id, PSObject? input) =>
            input?.BaseObject is Incident incident && incident.Key.Length > 0 ? incident.Key
            : input?.BaseObject is Project project && project.Key.Length > 0 ? project.Key
            : id;

        internal ResolvedResource ResolveObject(string objectName)
        {
            try
            {
                return ResourceCatalog.Resolve(objectName, allowPassThrough: false);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, objectName));
                throw; // not reached: ThrowTerminatingError always throws
            }
        }

        /// <summary>-Fields if given, else the properties of a piped plain object (not of a record
        /// read from Jira, whose properties describe it rather than a change).</summary>
        internal static IDictionary<string, object?> FieldsFrom(Hashtable? fields, PSObject? input)
        {
            if (fields != null) return PowerShellValues.FieldsOf(fields, new string[0]);
            if (input == null || input.BaseObject is JiraRecord) return new Dictionary<string, object?>();
            return PowerShellValues.FieldsOf(input, new HashSet<string>(IdentityProperties, StringComparer.OrdinalIgnoreCase));
        }

        /// <summary>Runs a write, turning bad input and Jira's refusals into ErrorRecords for this
        /// item only, so one failing record in a pipeline does not stop the rest.</summary>
        internal void Guarded(object target, Action write)
        {
            try
            {
                write();
            }
            catch (ArgumentException ex)
            {
                WriteError(ErrorRecords.From(ex, target));
            }
            catch (Http.JiraApiException ex)
            {
                WriteError(ErrorRecords.From(ex, target));
            }
        }
    }
}
