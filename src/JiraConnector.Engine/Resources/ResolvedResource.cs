namespace JiraConnector.Resources
{
    /// <summary>An -Object value resolved: the resource, the path as typed, and the parent's id for
    /// child resources.</summary>
    internal sealed class ResolvedResource
    {
        public ResolvedResource(ResourceDefinition definition, string objectName, string? parentId)
        {
            Definition = definition;
            ObjectName = objectName;
            ParentId = parentId;
        }

        public ResourceDefinition Definition { get; }

        public string ObjectName { get; }

        public string? ParentId { get; }

        public bool IsPassThrough => Definition.Name == PassThroughResource.Marker;

        public RecordContext ContextFor(string instanceName) => new RecordContext(instanceName, ObjectName, ParentId);

        /// <summary>The definition with records that remember this path and parent, for the paged
        /// writer; <paramref name="then"/> may add to each record (custom field values).</summary>
        public ResourceDefinition Bind(System.Func<JiraRecord, JiraRecord>? then = null) =>
            new ResourceDefinition(Definition.Name, Definition.JiraPath, Definition.Paging, (json, context) =>
            {
                var record = Definition.Shaper(json, new RecordContext(context.InstanceName, ObjectName, ParentId));
                return then == null ? record : then(record);
            })
            {
                CursorKey = CursorKey,
            };

        /// <summary>What -NextPage cursors of this resource are kept under: the path as typed,
        /// without its slashes at either end (incidents/OPS-1/comments).</summary>
        public string CursorKey => ObjectName;
    }
}
