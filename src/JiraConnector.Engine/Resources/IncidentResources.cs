using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using JiraConnector.Http;
using JiraConnector.Paging;
using JiraConnector.Errors;

namespace JiraConnector.Resources
{
    /// <summary>incidents (issues) and their child resources.</summary>
    internal static class IncidentResources
    {
        public const string AllIncidentsJql = "project IS NOT EMPTY ORDER BY key ASC";

        // search/jql serves up to 100 issues a page with all fields; search (offset) up to 1000 on DC.
        private const int MaxIssuePage = 100;
        // search/jql serves up to 5,000 a page when only ids are asked for.
        private const int MaxIdPage = 5000;
        private const int MaxCommentPage = 100;
        private const int MaxWorklogPage = 5000;
        private const int MaxChangelogPage = 100;

        public static IEnumerable<ResourceDefinition> All()
        {
            yield return new ResourceDefinition("incidents", "search/jql (Cloud), search (Data Center), issue/{key}", IncidentPaging,
                (json, context) => new Incident(json, context))
            {
                RecordType = typeof(Incident),
                PagingName = "token (Cloud), offset (Data Center)",
                ReadOne = (instance, options, id) => Rest.Get(instance, "issue/" + Rest.Segment(id),
                    new QueryString().Add("fields", FieldList(options))),
                Create = (instance, options, id, body) => Rest.Post(instance, "issue", body),
                Update = (instance, options, id, body) => Rest.Put(instance, "issue/" + Rest.Segment(id), body),
                Delete = (instance, options, id) => Rest.Delete(instance, "issue/" + Rest.Segment(id)),
                WriteShape = WriteShape.IssueFields,
            };
            yield return new ResourceDefinition("incidents/{id}/comments", "issue/{key}/comment", (instance, options) =>
                new OffsetPaging(startAt => Rest.Get(instance, Rest.Issue(options) + "/comment",
                    new QueryString().Add("startAt", startAt).Add("maxResults", Math.Min(options.PageSize, MaxCommentPage)).Add("orderBy", "created")), "comments"),
                (json, context) => new Comment(json, context))
            {
                RecordType = typeof(Comment),
                PagingName = "offset (comments)",
                ReadOne = (instance, options, id) => Rest.Get(instance, Rest.Issue(options) + "/comment/" + Rest.Segment(id)),
                Create = (instance, options, id, body) => Rest.Post(instance, Rest.Issue(options) + "/comment", body),
                Update = (instance, options, id, body) => Rest.Put(instance, Rest.Issue(options) + "/comment/" + Rest.Segment(id), body),
                Delete = (instance, options, id) => Rest.Delete(instance, Rest.Issue(options) + "/comment/" + Rest.Segment(id)),
                WriteShape = WriteShape.Comment,
            };
            yield return new ResourceDefinition("incidents/{id}/worklogs", "issue/{key}/worklog", (instance, options) =>
                new OffsetPaging(startAt => Rest.Get(instance, Rest.Issue(options) + "/worklog",
                    new QueryString().Add("startAt", startAt).Add("maxResults", Math.Min(options.PageSize, MaxWorklogPage))), "worklogs"),
                (json, context) => new Worklog(json, context))
            {
                RecordType = typeof(Worklog),
                PagingName = "offset (worklogs)",
                QueryableFields = new[] { "Started" },
                ReadOne = (instance, options, id) => Rest.Get(instance, Rest.Issue(options) + "/worklog/" + Rest.Segment(id)),
                Create = (instance, options, id, body) => Rest.Post(instance, Rest.Issue(options) + "/worklog", body),
                Update = (instance, options, id, body) => Rest.Put(instance, Rest.Issue(options) + "/worklog/" + Rest.Segment(id), body),
                Delete = (instance, options, id) => Rest.Delete(instance, Rest.Issue(options) + "/worklog/" + Rest.Segment(id)),
                WriteShape = WriteShape.Worklog,
            };
            yield return new ResourceDefinition("incidents/{id}/attachments", "issue/{key}?fields=attachment, attachment/{id}", (instance, options) =>
                new SinglePagePaging(Rest.Get(instance, Rest.Issue(options), new QueryString().Add("fields", "attachment")), "fields", "attachment"),
                (json, context) => new Attachment(json, context))
            {
                RecordType = typeof(Attachment),
                PagingName = "none (the issue's attachment field)",
                ReadOne = (instance, options, id) => Rest.Get(instance, "attachment/" + Rest.Segment(id)),
                Delete = (instance, options, id) => Rest.Delete(instance, "attachment/" + Rest.Segment(id)),
                Upload = (instance, options, file) => JiraRequest.Upload(instance.RestPath + Rest.Issue(options) + "/attachments", file),
                JiraRefuses = new[] { "PATCH" },
            };
            yield return new ResourceDefinition("incidents/{id}/links", "issue/{key}?fields=issuelinks, issueLink/{id}", (instance, options) =>
                new SinglePagePaging(Rest.Get(instance, Rest.Issue(options), new QueryString().Add("fields", "issuelinks")), "fields", "issuelinks"),
                (json, context) => new IssueLink(json, context))
            {
                RecordType = typeof(IssueLink),
                PagingName = "none (the issue's issuelinks field)",
                ReadOne = (instance, options, id) => Rest.Get(instance, "issueLink/" + Rest.Segment(id)),
                // Jira answers 201 with the new link only in Location.
                Create = (instance, options, id, body) => Rest.Post(instance, "issueLink", body),
                Delete = (instance, options, id) => Rest.Delete(instance, "issueLink/" + Rest.Segment(id)),
                WriteShape = WriteShape.IssueLink,
                ParentField = "outwardIssue",
                // A link is replaced, not changed: Jira has no call to edit one.
                JiraRefuses = new[] { "PATCH" },
                FieldNames = new[] { "Type (a link type's name or id)", "Other (the incident linked to)", "comment" },
            };
            yield return new ResourceDefinition("incidents/{id}/history", "issue/{key}/changelog", (instance, options) =>
                instance.Deployment == JiraDeployment.Cloud
                    ? (PagingStyle)new OffsetPaging(startAt => Rest.Get(instance, Rest.Issue(options) + "/changelog",
                        new QueryString().Add("startAt", startAt).Add("maxResults", Math.Min(options.PageSize, MaxChangelogPage))), "values")
                    // Data Center 8 has no changelog endpoint: the history comes with the issue.
                    : new SinglePagePaging(Rest.Get(instance, Rest.Issue(options), new QueryString().Add("fields", "id").Add("expand", "changelog")),
                        "changelog", "histories"),
                (json, context) => new ChangeHistory(json, context))
            {
                RecordType = typeof(ChangeHistory),
                PagingName = "page-bean (Cloud), none (Data Center: expand=changelog)",
                JiraRefuses = new[] { "POST", "PATCH", "DELETE" },
            };
            yield return new ResourceDefinition("incidents/{id}/transitions", "issue/{key}/transitions", (instance, options) =>
                new SinglePagePaging(Rest.Get(instance, Rest.Issue(options) + "/transitions"), "transitions"),
                (json, context) => new Transition(json, context))
            {
                RecordType = typeof(Transition),
                PagingName = "none",
                Create = (instance, options, id, body) => Rest.Post(instance, Rest.Issue(options) + "/transitions", body),
                WriteShape = WriteShape.Transition,
                // A transition taken is history: it cannot be changed or undone as such.
                JiraRefuses = new[] { "PATCH", "DELETE" },
            };
            yield return new ResourceDefinition("incidents/{id}/watchers", "issue/{key}/watchers", (instance, options) =>
                new SinglePagePaging(Rest.Get(instance, Rest.Issue(options) + "/watchers"), "watchers"),
                (json, context) => new User(json, context))
            {
                RecordType = typeof(User),
                PagingName = "none",
                Create = (instance, options, id, body) => Rest.Post(instance, Rest.Issue(options) + "/watchers", body),
                Delete = (instance, options, id) => Rest.Delete(instance, new QueryString()
                    .Add(instance.Deployment == JiraDeployment.Cloud ? "accountId" : "username", id)
                    .AppendTo(Rest.Issue(options) + "/watchers")),
                WriteShape = WriteShape.Watcher,
                JiraRefuses = new[] { "PATCH" },
            };
            yield return new ResourceDefinition("incidents/{id}/properties", "issue/{key}/properties", (instance, options) =>
                new SinglePagePaging(Rest.Get(instance, Rest.Issue(options) + "/properties"), "keys"),
                (json, context) => new EntityProperty(json, context))
            {
                RecordType = typeof(EntityProperty),
                PagingName = "none",
                ReadOne = (instance, options, id) => Rest.Get(instance, Rest.Issue(options) + "/properties/" + Rest.Segment(id)),
                Create = (instance, options, id, body) => Rest.Put(instance, Rest.Issue(options) + "/properties/" + Rest.Segment(RequireKey(id)), body),
                Update = (instance, options, id, body) => Rest.Put(instance, Rest.Issue(options) + "/properties/" + Rest.Segment(id), body),
                Delete = (instance, options, id) => Rest.Delete(instance, Rest.Issue(options) + "/properties/" + Rest.Segment(id)),
                WriteShape = WriteShape.PropertyValue,
            };
        }

        private static string RequireKey(string? id) =>
            string.IsNullOrEmpty(id) ? throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidId, "A property needs its key: give it with -Id.", "Id") : id!;

        /// <summary>Navigable fields unless the caller named some; key and id always come.</summary>
        private static string FieldList(ReadOptions options) =>
            options.Fields == null || options.Fields.Count == 0 ? "*navigable" : string.Join(",", options.Fields);

        private static PagingStyle IncidentPaging(JiraInstance instance, ReadOptions options)
        {
            var jql = string.IsNullOrWhiteSpace(options.Jql) ? AllIncidentsJql : options.Jql!;
            var pageSize = Math.Min(options.PageSize, MaxIssuePage);
            var fields = FieldList(options);
            var properties = options.Properties == null || options.Properties.Count == 0 ? null : string.Join(",", options.Properties);
            if (instance.Deployment == JiraDeployment.Cloud)
            {
                Func<int, string, TokenPaging> searchJql = (size, fieldList) => new TokenPaging(token => new JiraRequest(HttpMethod.Get, new QueryString()
                    .Add("jql", jql).Add("maxResults", size).Add("fields", fieldList).Add("properties", properties).Add("nextPageToken", token)
                    .AppendTo(instance.RestPath + "search/jql")));
                var pages = searchJql(pageSize, fields);
                if (options.Concurrency <= 1) return pages;
                return new BulkFetchPaging(pages, searchJql(MaxIdPage, "id"), ids => BulkFetch(instance, ids, fields, options.Properties), options.Concurrency);
            }
            Func<long, int, JiraRequest> search = (startAt, size) => new JiraRequest(HttpMethod.Get, new QueryString()
                .Add("jql", jql).Add("startAt", startAt).Add("maxResults", size).Add("fields", fields).Add("properties", properties)
                .AppendTo(instance.RestPath + "search"));
            if (options.Concurrency <= 1) return new OffsetPaging(startAt => search(startAt, pageSize), "issues");
            return new ParallelOffsetPaging(search, pageSize, options.Concurrency);
        }

        /// <summary>POST issue/bulkfetch of some ids with the read's fields and properties; it only reads, so it may be repeated.</summary>
        private static JiraRequest BulkFetch(JiraInstance instance, IReadOnlyList<string> ids, string fields, IReadOnlyList<string>? properties)
        {
            var body = new Dictionary<string, object> { ["issueIdsOrKeys"] = ids, ["fields"] = fields.Split(',') };
            if (properties != null && properties.Count > 0) body["properties"] = properties;
            return new JiraRequest(HttpMethod.Post, instance.RestPath + "issue/bulkfetch", JsonSerializer.Serialize(body), safeToRepeat: true);
        }
    }
}
