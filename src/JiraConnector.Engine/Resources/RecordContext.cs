namespace JiraConnector.Resources
{
    /// <summary>Where a record came from: its instance, the resource path it was read through
    /// (e.g. "incidents/OPS-1/comments") and, for child resources, the parent's id. Records keep the
    /// first two so that piping them on reaches the same object on the same Jira.</summary>
    internal sealed class RecordContext
    {
        public RecordContext(string instanceName, string objectName, string? parentId = null)
        {
            InstanceName = instanceName;
            ObjectName = objectName;
            ParentId = parentId;
        }

        public string InstanceName { get; }

        public string ObjectName { get; }

        public string? ParentId { get; }
    }
}
