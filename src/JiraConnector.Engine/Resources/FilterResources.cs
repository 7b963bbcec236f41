using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using JiraConnector.Json;
using JiraConnector.Paging;

namespace JiraConnector.Resources
{
    /// <summary>Saved searches (filters) and who they are shared with.</summary>
    internal static class FilterResources
    {
        private const int MaxFilterPage = 100;
        private const string PermissionsExample = "filters/10000/permissions";
        // filter/search answers with id and name only unless asked for more.
        private const string FilterExpand = "description,owner,jql,favourite";

        public static IEnumerable<ResourceDefinition> All()
        {
            yield return new ResourceDefinition("filters", "filter/search (Cloud), filter/favourite (Data Center), filter/{id}", (instance, options) =>
                instance.Deployment == JiraDeployment.Cloud
                    ? new OffsetPaging(startAt => Rest.Get(instance, "filter/search", new QueryString()
                        .Add("expand", FilterExpand).Add("startAt", startAt).Add("maxResults", Math.Min(options.PageSize, MaxFilterPage))), "values")
                    // Data Center has no search of every filter: the caller's favourites are what it lists.
                    : (PagingStyle)new SinglePagePaging(Rest.Get(instance, "filter/favourite", new QueryString().Add("expand", FilterExpand))),
                (json, context) => new Filter(json, context))
            {
                RecordType = typeof(Filter),
                PagingName = "page-bean (Cloud), none (Data Center: favourites)",
                ReadOne = (instance, options, id) => Rest.Get(instance, "filter/" + Rest.Segment(id), new QueryString().Add("expand", FilterExpand)),
                FieldNames = new[] { "name", "jql", "description", "favourite" },
            }.WithRecordPath("filter");
            yield return new ResourceDefinition("filters/{id}/permissions", "filter/{id}/permission", (instance, options) =>
                new SinglePagePaging(Rest.Get(instance, "filter/" + Rest.Parent(options, PermissionsExample) + "/permission")),
                (json, context) => new SharePermission(json, context))
            {
                RecordType = typeof(SharePermission),
                PagingName = "none",
                ReadOne = (instance, options, id) => Rest.Get(instance, "filter/" + Rest.Parent(options, PermissionsExample) + "/permission/" + Rest.Segment(id)),
                Create = (instance, options, id, body) => Rest.Post(instance, "filter/" + Rest.Parent(options, PermissionsExample) + "/permission", body),
                Delete = (instance, options, id) => Rest.Delete(instance, "filter/" + Rest.Parent(options, PermissionsExample) + "/permission/" + Rest.Segment(id)),
                CreatedInAnswer = Newest,
                // A share is replaced, not changed: Jira has no call to edit one.
                JiraRefuses = new[] { "PATCH" },
                FieldNames = new[] { "type (group, project, projectRole, user, authenticated, global)", "groupname", "projectId", "projectRoleId", "accountId" },
            };
        }

        /// <summary>Adding a share answers with every share of the filter: the new one has the highest id.</summary>
        private static JsonElement? Newest(JsonElement answer) =>
            answer.ValueKind != JsonValueKind.Array ? answer
                : answer.EnumerateArray().OrderByDescending(p => JsonRead.Int64(p, "id") ?? long.MinValue).Cast<JsonElement?>().FirstOrDefault();
    }
}
