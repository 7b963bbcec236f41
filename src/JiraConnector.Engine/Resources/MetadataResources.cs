using System;
using System.Collections.Generic;
using System.Text.Json;
using JiraConnector.Paging;

namespace JiraConnector.Resources
{
    /// <summary>The site's catalogs and schemes: small collections, mostly unpaged.</summary>
    internal static class MetadataResources
    {
        private const int MaxSchemePage = 50;

        public static IEnumerable<ResourceDefinition> All()
        {
            yield return new ResourceDefinition("notification-schemes", "notificationscheme", (instance, options) =>
                new OffsetPaging(startAt => Rest.Get(instance, "notificationscheme", new QueryString()
                    .Add("startAt", startAt).Add("maxResults", Math.Min(options.PageSize, MaxSchemePage))), "values"),
                (json, context) => new Scheme(json, context, "Notification"))
            {
                RecordType = typeof(Scheme),
                PagingName = "page-bean",
                ReadOne = (instance, options, id) => Rest.Get(instance, "notificationscheme/" + Rest.Segment(id)),
            };
            yield return Catalog("permission-schemes", "permissionscheme", typeof(Scheme), (json, context) => new Scheme(json, context, "Permission"), "permissionSchemes");
            yield return Catalog("issuesecurity-schemes", "issuesecurityschemes", typeof(Scheme), (json, context) => new Scheme(json, context, "IssueSecurity"), "issueSecuritySchemes");
            yield return Catalog("incident-types", "issuetype", typeof(IncidentType), (json, context) => new IncidentType(json, context));
            yield return Catalog("priorities", "priority", typeof(Priority), (json, context) => new Priority(json, context));
            yield return Catalog("statuses", "status", typeof(Status), (json, context) => new Status(json, context));
            yield return Catalog("fields", "field", typeof(Field), (json, context) => new Field(json, context));
            var linkTypes = Catalog("link-types", "issueLinkType", typeof(IssueLinkType), (json, context) => new IssueLinkType(json, context), "issueLinkTypes")
                .WithRecordPath("issueLinkType");
            linkTypes.FieldNames = new[] { "name", "inward (\"is blocked by\")", "outward (\"blocks\")" };
            yield return linkTypes;
            yield return Catalog("project-categories", "projectCategory", typeof(ProjectCategory), (json, context) => new ProjectCategory(json, context));
        }

        /// <summary>An unpaged collection at a Jira path (a bare array, or the named array of an
        /// object) whose records are read one at a time at path/{id}.</summary>
        private static ResourceDefinition Catalog(string name, string path, Type type, Func<JsonElement, RecordContext, JiraRecord> shaper, params string[] itemsPath) =>
            new ResourceDefinition(name, path, (instance, options) => new SinglePagePaging(Rest.Get(instance, path), itemsPath), shaper)
            {
                RecordType = type,
                PagingName = "none",
                // GET field has no field/{id}: one field is found in the list.
                ReadOne = path == "field" ? null : (instance, options, id) => Rest.Get(instance, path + "/" + Rest.Segment(id)),
            };
    }
}
