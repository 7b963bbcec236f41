using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using JiraConnector.Paging;
using JiraConnector.Errors;

namespace JiraConnector.Resources
{
    /// <summary>People and containers: agents, contacts, groups and their members, projects, and the
    /// site-wide worklogs feed.</summary>
    internal static class DirectoryResources
    {
        private const int MaxUserPage = 1000;
        private const int MaxGroupPage = 1000;
        private const int MaxMemberPage = 50;
        private const int MaxProjectPage = 100;
        private static readonly Regex IssueKey = new Regex(@"^[A-Za-z][A-Za-z0-9_]*-\d+$", RegexOptions.CultureInvariant);

        public static IEnumerable<ResourceDefinition> All()
        {
            yield return new ResourceDefinition("agents", "user/assignable/search", (instance, options) =>
                new BareArrayPaging(startAt => Rest.Get(instance, "user/assignable/search", new QueryString()
                    .Add(ProjectOrIssue(options), options.Project).Add("startAt", startAt).Add("maxResults", UserPage(options))), UserPage(options)),
                (json, context) => new User(json, context))
            {
                RecordType = typeof(User),
                PagingName = "bare array",
                QueryableFields = new[] { "Project" },
                // Who can be assigned follows from permissions; users are made through contacts.
                JiraRefuses = new[] { "POST", "PATCH", "DELETE" },
            };
            yield return new ResourceDefinition("contacts", "users/search (Cloud), user/search (Data Center)", ContactPaging,
                (json, context) => new User(json, context))
            {
                RecordType = typeof(User),
                PagingName = "bare array",
                ReadOne = (instance, options, id) => Rest.Get(instance, "user", new QueryString().Add(UserParameter(instance), id)),
                Create = (instance, options, id, body) => Rest.Post(instance, "user", body),
                Delete = (instance, options, id) => Rest.Delete(instance, new QueryString().Add(UserParameter(instance), id).AppendTo("user")),
                FieldNames = new[] { "emailAddress", "displayName", "name (Data Center)", "products (Cloud), applicationKeys (Data Center)" },
            };
            yield return new ResourceDefinition("groups", "group/bulk (Cloud), groups/picker (Data Center)", (instance, options) =>
                instance.Deployment == JiraDeployment.Cloud
                    ? new OffsetPaging(startAt => Rest.Get(instance, "group/bulk", new QueryString()
                        .AddPushed(options, "groupName").Add("startAt", startAt).Add("maxResults", Math.Min(options.PageSize, MaxGroupPage))), "values")
                    : (PagingStyle)new SinglePagePaging(Rest.Get(instance, "groups/picker", new QueryString().Add("maxResults", MaxGroupPage)), "groups"),
                (json, context) => new Group(json, context))
            {
                RecordType = typeof(Group),
                PagingName = "page-bean (Cloud), none (Data Center)",
                Create = (instance, options, id, body) => Rest.Post(instance, "group", body),
                Delete = (instance, options, id) => Rest.Delete(instance, new QueryString().Add("groupname", id).AppendTo("group")),
                // Jira renames no group.
                JiraRefuses = new[] { "PATCH" },
                FieldNames = new[] { "name" },
            };
            yield return new ResourceDefinition("groups/{name}/members", "group/member", (instance, options) =>
                new OffsetPaging(startAt => Rest.Get(instance, "group/member", new QueryString()
                    .Add("groupname", options.ParentId).Add("startAt", startAt).Add("maxResults", Math.Min(options.PageSize, MaxMemberPage))), "values"),
                (json, context) => new User(json, context))
            {
                RecordType = typeof(User),
                PagingName = "page-bean",
                Create = (instance, options, id, body) => Rest.Post(instance, new QueryString().Add("groupname", options.ParentId).AppendTo("group/user"), body),
                Delete = (instance, options, id) => Rest.Delete(instance, new QueryString().Add("groupname", options.ParentId)
                    .Add(instance.Deployment == JiraDeployment.Cloud ? "accountId" : "username", id).AppendTo("group/user")),
                ReadOne = (instance, options, id) => Rest.Get(instance, "user", new QueryString().Add(instance.Deployment == JiraDeployment.Cloud ? "accountId" : "username", id)),
                WriteShape = WriteShape.GroupMember,
                AnswersWithRecord = false,
                JiraRefuses = new[] { "PATCH" },
            };
            yield return new ResourceDefinition("projects", "project/search, project/{key}", (instance, options) =>
                new OffsetPaging(startAt => Rest.Get(instance, "project/search", new QueryString()
                    .AddPushed(options, "keys").AddPushed(options, "query")
                    .Add("startAt", startAt).Add("maxResults", Math.Min(options.PageSize, MaxProjectPage)).Add("orderBy", "key")
                    // Jira leaves the lead out of project/search unless asked for it.
                    .Add("expand", "lead")), "values"),
                (json, context) => new Project(json, context))
            {
                RecordType = typeof(Project),
                PagingName = "page-bean",
                QueryableFields = new[] { "Key", "Name", "ProjectType", "Category" },
                ReadOne = (instance, options, id) => Rest.Get(instance, "project/" + Rest.Segment(id), new QueryString().Add("expand", "lead")),
                Create = (instance, options, id, body) => Rest.Post(instance, "project", body),
                Update = (instance, options, id, body) => Rest.Put(instance, "project/" + Rest.Segment(id), body),
                Delete = (instance, options, id) => Rest.Delete(instance, "project/" + Rest.Segment(id)),
            };
            yield return new ResourceDefinition("worklogs", "worklog/updated + worklog/list", (instance, options) =>
                new WorklogSource(instance.RestPath, Since(options)).Paging,
                (json, context) => new Worklog(json, context))
            {
                RecordType = typeof(Worklog),
                PagingName = "since-cursor, 1000 ids a batch",
                QueryableFields = new[] { "Updated" },
                Source = (instance, options) => new WorklogSource(instance.RestPath, Since(options)),
                ReadOne = (instance, options, id) => Rest.Post(instance, "worklog/list", "{\"ids\":[" + RequireNumber(id) + "]}"),
                // The site-wide feed only reads: worklogs are written on their incident (incidents/{id}/worklogs).
                JiraRefuses = new[] { "POST", "PATCH", "DELETE" },
            };
        }

        private static string UserParameter(JiraInstance instance) => instance.Deployment == JiraDeployment.Cloud ? "accountId" : "username";

        private static int UserPage(ReadOptions options) => Math.Min(options.PageSize, MaxUserPage);

        /// <summary>Jira lists assignable users for a project or an issue; the name decides which.</summary>
        private static string ProjectOrIssue(ReadOptions options)
        {
            if (string.IsNullOrWhiteSpace(options.Project))
            {
                throw new JiraArgumentException(ErrorIds.InvalidArgument.ProjectRequired, "agents are the users assignable in a project: give one with -Project (a project key such as OPS, or an issue key such as OPS-1).", "Project");
            }
            return IssueKey.IsMatch(options.Project) ? "issueKey" : "project";
        }

        private static PagingStyle ContactPaging(JiraInstance instance, ReadOptions options)
        {
            var pageSize = UserPage(options);
            if (instance.Deployment == JiraDeployment.Cloud)
            {
                // user/search finds active users by text; without pushed-down text, list everyone.
                if (options.ServerFilters.ContainsKey("query"))
                {
                    return new BareArrayPaging(startAt => Rest.Get(instance, "user/search", new QueryString()
                        .AddPushed(options, "query").Add("startAt", startAt).Add("maxResults", pageSize)), pageSize);
                }
                return new BareArrayPaging(startAt => Rest.Get(instance, "users/search", new QueryString()
                    .Add("startAt", startAt).Add("maxResults", pageSize)), pageSize);
            }
            // Data Center has no "all users" call; user/search with "." matches every user name.
            return new BareArrayPaging(startAt => Rest.Get(instance, "user/search", new QueryString()
                .Add("username", ".").Add("includeInactive", "true").Add("startAt", startAt).Add("maxResults", pageSize)), pageSize);
        }

        private static long Since(ReadOptions options) => options.Since?.ToUnixTimeMilliseconds() ?? 0;

        private static string RequireNumber(string id) =>
            long.TryParse(id, out var number) ? number.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidId, $"A worklog id is a number; '{id}' is not.", "Id");
    }
}
