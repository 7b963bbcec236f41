using System.Management.Automation;
using JiraConnector.Query;

namespace JiraConnector.Adapters
{
    /// <summary>Turns what the engine streams into what the pipeline shows: a record with custom
    /// fields gets them as properties named after the fields; a select's row becomes an object whose
    /// properties are the selected fields; a plain JSON object becomes a PSCustomObject. Everything else goes out as it is.</summary>
    internal static class RecordOutput
    {
        public static object ToPipeline(object item)
        {
            switch (item)
            {
                case JiraRecord record when record.CustomFields != null && record.CustomFields.Count > 0:
                    // Members added to the wrapper stay with the record (PowerShell keeps them per object).
                    var wrapped = PSObject.AsPSObject(record);
                    foreach (var field in record.CustomFields)
                    {
                        if (wrapped.Properties[field.Key] == null) wrapped.Properties.Add(new PSNoteProperty(field.Key, PowerShellValues.FromPlain(field.Value)));
                    }
                    return wrapped;
                case QueryRow row:
                    var result = new PSObject();
                    result.TypeNames.Insert(0, QueryRow.TypeName);
                    foreach (var value in row.Values) result.Properties.Add(new PSNoteProperty(value.Key, PowerShellValues.FromPlain(value.Value)));
                    return result;
                case System.Collections.Generic.IDictionary<string, object?> plain:
                    // An item of a raw call's pages (Invoke-JiraRestMethod -Paging): Jira's JSON as ConvertFrom-Json gives it.
                    return PowerShellValues.FromPlain(plain)!;
                default:
                    return item;
            }
        }
    }
}
