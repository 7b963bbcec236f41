using JiraConnector.Tests.Contract.Infrastructure;

namespace JiraConnector.Tests.Contract;

/// <summary>
/// Read operations, one row per spec operation (the operationId leads each test name). Every response is
/// validated against the schema the spec gives that operation and status.
/// </summary>
[Collection(CloudWriters.Name)]
public sealed class ReadOperationsContractTests(CloudJira jira)
{
    public static TheoryData<string, string, int> Operations => new()
    {
        { "getServerInfo", "rest/api/3/serverInfo", 200 },
        { "getCurrentUser", "rest/api/3/myself?expand=groups", 200 },
        { "searchProjects", "rest/api/3/project/search?maxResults=2&expand=description,lead", 200 },
        { "searchProjects", "rest/api/3/project/search?maxResults=500&orderBy=-name", 200 },
        { "getAllProjects", "rest/api/3/project", 200 },
        { "getProject", "rest/api/3/project/OPS", 200 },
        { "getAllUsers", "rest/api/3/users/search?maxResults=5", 200 },
        { "getAllUsersDefault", "rest/api/3/users?startAt=18", 200 },
        { "findUsers", "rest/api/3/user/search?query=al", 200 },
        { "findUsers", "rest/api/3/user/search", 400 },
        { "findAssignableUsers", "rest/api/3/user/assignable/search?project=OPS&maxResults=3", 200 },
        { "findAssignableUsers", "rest/api/3/user/assignable/search?issueKey=OPS-1&query=b", 200 },
        { "getUser", "rest/api/3/user?accountId=712020:00000000-0000-4000-8000-000000000002&expand=groups", 200 },
        { "getUser", "rest/api/3/user?accountId=nobody", 404 },
        { "getUserGroups", "rest/api/3/user/groups?accountId=712020:00000000-0000-4000-8000-000000000001", 200 },
        { "bulkGetGroups", "rest/api/3/group/bulk?maxResults=2", 200 },
        { "getUsersFromGroup", "rest/api/3/group/member?groupname=jira-software-users&maxResults=5", 200 },
        { "getUsersFromGroup", "rest/api/3/group/member", 400 },
        { "getNotificationSchemes", "rest/api/3/notificationscheme?expand=all", 200 },
        { "getNotificationScheme", "rest/api/3/notificationscheme/10000?expand=all", 200 },
        { "getNotificationSchemeForProject", "rest/api/3/project/OPS/notificationscheme", 200 },
        { "getAllPermissionSchemes", "rest/api/3/permissionscheme?expand=permissions", 200 },
        { "getPermissionScheme", "rest/api/3/permissionscheme/0", 200 },
        { "getAssignedPermissionScheme", "rest/api/3/project/WEB/permissionscheme", 200 },
        { "getFields", "rest/api/3/field", 200 },
        { "getIssueAllTypes", "rest/api/3/issuetype", 200 },
        { "getIssueType", "rest/api/3/issuetype/10004", 200 },
        { "getPriorities", "rest/api/3/priority", 200 },
        { "getPriority", "rest/api/3/priority/3", 200 },
        { "getStatuses", "rest/api/3/status", 200 },
        { "getStatus", "rest/api/3/status/Done", 200 },
        { "getStatusCategories", "rest/api/3/statuscategory", 200 },
        { "getStatusCategory", "rest/api/3/statuscategory/done", 200 },
        { "getResolutions", "rest/api/3/resolution", 200 },
        { "getResolution", "rest/api/3/resolution/10000", 200 },
        { "getAllProjectCategories", "rest/api/3/projectCategory", 200 },
        { "getProjectCategoryById", "rest/api/3/projectCategory/10000", 200 },
        { "getIssueSecuritySchemes", "rest/api/3/issuesecurityschemes", 200 },
        { "getIssue", "rest/api/3/issue/OPS-1?expand=changelog,names,transitions&properties=*all", 200 },
        { "getIssue", "rest/api/3/issue/WEB-2?fields=summary,status,-status", 200 },
        { "getIssue", "rest/api/2/issue/MOB-3", 200 },
        { "getIssue", "rest/api/3/issue/NOPE-1", 404 },
        { "getComments", "rest/api/3/issue/OPS-1/comment?orderBy=-created", 200 },
        { "getIssueWorklog", "rest/api/3/issue/OPS-1/worklog", 200 },
        { "getChangeLogs", "rest/api/3/issue/OPS-1/changelog", 200 },
        { "getTransitions", "rest/api/3/issue/OPS-1/transitions", 200 },
        { "getIssueWatchers", "rest/api/3/issue/OPS-1/watchers", 200 },
        { "getIssuePropertyKeys", "rest/api/3/issue/OPS-1/properties", 200 },
        { "searchForIssuesUsingJql", "rest/api/3/search?jql=project%20%3D%20OPS%20ORDER%20BY%20key&maxResults=3", 200 },
        { "searchForIssuesUsingJql", "rest/api/2/search?jql=assignee%20IS%20EMPTY&fields=summary,assignee", 200 },
        { "searchForIssuesUsingJql", "rest/api/3/search?jql=project%20%3D%20", 400 },
        { "searchAndReconsileIssuesUsingJql", "rest/api/3/search/jql?jql=project%20IS%20NOT%20EMPTY%20ORDER%20BY%20key%20ASC", 200 },
        { "searchAndReconsileIssuesUsingJql", "rest/api/3/search/jql?jql=project%3DOPS&fields=*all&maxResults=3", 200 },
        { "searchAndReconsileIssuesUsingJql", "rest/api/3/search/jql?jql=ORDER%20BY%20key", 400 },
        { "getIdsOfWorklogsModifiedSince", "rest/api/3/worklog/updated?since=0", 200 },
        { "getIdsOfWorklogsDeletedSince", "rest/api/3/worklog/deleted", 200 },
        { "bulkGetUsers", "rest/api/3/user/bulk?accountId=712020:00000000-0000-4000-8000-000000000003&accountId=712020:00000000-0000-4000-8000-000000000001", 200 },
        { "bulkGetUsers", "rest/api/3/user/bulk", 400 },
        { "getFieldsPaginated", "rest/api/3/field/search", 200 },
        { "getFieldsPaginated", "rest/api/3/field/search?type=custom&expand=key,isLocked,searcherKey,lastUsed,screensCount,contextsCount", 200 },
        { "getFieldsPaginated", "rest/api/3/field/search?maxResults=3&orderBy=-name&query=a", 200 },
        { "getFieldsPaginated", "rest/api/3/field/search?orderBy=colour", 400 },
        { "search", "rest/api/3/statuses/search", 200 },
        { "search", "rest/api/3/statuses/search?statusCategory=IN_PROGRESS&maxResults=1", 200 },
        { "search", "rest/api/3/statuses/search?statusCategory=LATER", 400 },
        { "searchPriorities", "rest/api/3/priority/search?maxResults=2", 200 },
        { "searchPriorities", "rest/api/3/priority/search?onlyDefault=true", 200 },
        { "getAttachmentMeta", "rest/api/3/attachment/meta", 200 },
        { "getAttachment", "rest/api/3/attachment/10000", 200 },
        { "getAttachment", "rest/api/3/attachment/99999999", 404 },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Response_matches_spec(string operationId, string path, int status) =>
        await jira.Client().CallAsync(operationId, "GET", path, null, status);

    [Theory]
    [InlineData("getServerInfo", "rest/api/3/serverInfo")]
    [InlineData("searchAndReconsileIssuesUsingJql", "rest/api/3/search/jql?jql=project%3DOPS")]
    public async Task Unauthenticated_gets_401_with_ErrorCollection(string operationId, string path)
    {
        var reply = await jira.Client(authenticated: false).CallAsync(operationId, "GET", path, null, 401);
        Assert.Contains("WWW-Authenticate", reply.Headers.Keys);
        Assert.Equal("You are not authenticated. Authentication required to perform this operation.", reply.Json["errorMessages"]![0]!.GetValue<string>());
    }
}
