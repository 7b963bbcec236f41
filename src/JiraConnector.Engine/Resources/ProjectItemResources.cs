using System;
using System.Collections.Generic;
using JiraConnector.Paging;

namespace JiraConnector.Resources
{
    /// <summary>What a project is divided into: its versions (releases) and components. Both are
    /// listed under the project and read, changed and deleted by their own id.</summary>
    internal static class ProjectItemResources
    {
        private const int MaxVersionPage = 1000;
        private const int MaxComponentPage = 1000;
        private const string VersionsExample = "projects/OPS/versions";
        private const string ComponentsExample = "projects/OPS/components";

        public static IEnumerable<ResourceDefinition> All()
        {
            yield return new ResourceDefinition("projects/{key}/versions", "project/{key}/version, version/{id}", (instance, options) =>
                new OffsetPaging(startAt => Rest.Get(instance, "project/" + Rest.Parent(options, VersionsExample) + "/version", new QueryString()
                    .Add("startAt", startAt).Add("maxResults", Math.Min(options.PageSize, MaxVersionPage)).Add("orderBy", "sequence")), "values"),
                (json, context) => new ProjectVersion(json, context))
            {
                RecordType = typeof(ProjectVersion),
                PagingName = "page-bean",
                ParentField = "project",
                FieldNames = new[] { "name", "description", "startDate", "releaseDate", "released", "archived" },
            }.WithRecordPath("version");
            yield return new ResourceDefinition("projects/{key}/components", "project/{key}/component (Cloud), project/{key}/components (Data Center), component/{id}",
                (instance, options) => instance.Deployment == JiraDeployment.Cloud
                    ? new OffsetPaging(startAt => Rest.Get(instance, "project/" + Rest.Parent(options, ComponentsExample) + "/component", new QueryString()
                        .Add("startAt", startAt).Add("maxResults", Math.Min(options.PageSize, MaxComponentPage))), "values")
                    // Data Center lists a project's components in one answer.
                    : (PagingStyle)new SinglePagePaging(Rest.Get(instance, "project/" + Rest.Parent(options, ComponentsExample) + "/components")),
                (json, context) => new ProjectComponent(json, context))
            {
                RecordType = typeof(ProjectComponent),
                PagingName = "page-bean (Cloud), none (Data Center)",
                ParentField = "project",
                FieldNames = new[] { "name", "description", "leadAccountId (Cloud), leadUserName (Data Center)", "assigneeType" },
            }.WithRecordPath("component");
        }
    }
}
