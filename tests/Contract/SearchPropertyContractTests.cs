using JiraConnector.Tests.Contract.Infrastructure;
using JiraConnector.Tests.Contract.Wadl;

namespace JiraConnector.Tests.Contract;

/// <summary>
/// The searches' properties parameter: on Cloud (search/jql and search, GET and POST) each issue of the result carries
/// an object of the requested issue properties, keyed by property key; without the parameter there is no such member.
/// Data Center 8.4.3's WADL gives its search no properties parameter, so there it is ignored. And a site where no app
/// indexes properties refuses JQL on them with Jira's 400 for a field that does not exist.
/// </summary>
[Collection(CloudWriters.Name)]
public sealed class SearchPropertyContractTests(CloudJira cloud, DataCenterJira dataCenter)
{
    private const string Marker = """[{"key":"jiraconnector.bulk","value":{"job":"search-contract","row":7}},{"key":"other.prop","value":"x"}]""";

    private static async Task<string> NewMarkedIssueAsync(JiraClient client, string api)
    {
        var reply = await client.SendAsync("POST", $"{api}/issue",
            $$"""{"fields":{"project":{"key":"WEB"},"issuetype":{"name":"Task"},"summary":"Search property contract test"},"properties":{{Marker}}}""");
        Assert.Equal(201, reply.Status);
        return reply.Json["key"]!.GetValue<string>();
    }

    private static void AssertMarker(System.Text.Json.Nodes.JsonNode? issue)
    {
        var properties = issue!["properties"]!.AsObject();
        Assert.Equal(["jiraconnector.bulk"], properties.Select(p => p.Key));
        Assert.Equal("search-contract", properties["jiraconnector.bulk"]!["job"]!.GetValue<string>());
        Assert.Equal(7, properties["jiraconnector.bulk"]!["row"]!.GetValue<int>());
    }

    [Fact]
    public async Task Cloud_searches_return_the_requested_properties_of_each_issue()
    {
        var client = cloud.Client();
        string key = await NewMarkedIssueAsync(client, "rest/api/3");
        string jql = Uri.EscapeDataString($"key = {key}");

        var get = await client.CallAsync("searchAndReconsileIssuesUsingJql", "GET",
            $"rest/api/3/search/jql?jql={jql}&fields=key&properties=jiraconnector.bulk", null, 200);
        AssertMarker(get.Json["issues"]![0]);
        var post = await client.CallAsync("searchAndReconsileIssuesUsingJqlPost", "POST", "rest/api/3/search/jql",
            $$"""{"jql":"key = {{key}}","fields":["key"],"properties":["jiraconnector.bulk"]}""", 200);
        AssertMarker(post.Json["issues"]![0]);
        var old = await client.CallAsync("searchForIssuesUsingJql", "GET", $"rest/api/3/search?jql={jql}&fields=key&properties=jiraconnector.bulk", null, 200);
        AssertMarker(old.Json["issues"]![0]);
        var oldPost = await client.CallAsync("searchForIssuesUsingJqlPost", "POST", "rest/api/3/search",
            $$"""{"jql":"key = {{key}}","fields":["key"],"properties":["jiraconnector.bulk"]}""", 200);
        AssertMarker(oldPost.Json["issues"]![0]);

        var plain = await client.CallAsync("searchAndReconsileIssuesUsingJql", "GET", $"rest/api/3/search/jql?jql={jql}&fields=key", null, 200);
        Assert.Null(plain.Json["issues"]![0]!["properties"]);
        // An issue without the property gets an empty object.
        var seeded = await client.CallAsync("searchAndReconsileIssuesUsingJql", "GET", "rest/api/3/search/jql?jql=key%3DOPS-1&properties=jiraconnector.bulk", null, 200);
        Assert.Empty(seeded.Json["issues"]![0]!["properties"]!.AsObject());
    }

    [Fact]
    public async Task Data_Center_search_has_no_properties_parameter()
    {
        var client = dataCenter.Client();
        string key = await NewMarkedIssueAsync(client, "rest/api/2");

        var reply = await client.GetAsync($"rest/api/2/search?jql={Uri.EscapeDataString($"key = {key}")}&fields=key&properties=jiraconnector.bulk");

        Assert.Equal(200, reply.Status);
        WadlAssert.ResponseMatches("/api/2/search", "GET", 200, reply.Body);
        Assert.Null(reply.Json["issues"]![0]!["properties"]);
    }

    [Fact]
    public async Task Without_an_index_JQL_on_a_property_is_refused_like_a_field_that_does_not_exist()
    {
        var client = cloud.Client();
        string field = "issue.property[jiraconnector.bulk].job";
        cloud.Server.Options.UnindexedProperties = true;
        try
        {
            var reply = await client.CallAsync("searchAndReconsileIssuesUsingJql", "GET",
                $"rest/api/3/search/jql?jql={Uri.EscapeDataString($"{field} = \"search-contract\"")}", null, 400);
            Assert.Equal($"Field '{field}' does not exist or you do not have permission to view it.", reply.Json["errorMessages"]![0]!.GetValue<string>());
            // Other JQL still works.
            await client.CallAsync("searchAndReconsileIssuesUsingJql", "GET", "rest/api/3/search/jql?jql=project%3DOPS&maxResults=1", null, 200);
        }
        finally
        {
            cloud.Server.Options.UnindexedProperties = false;
        }
        await client.CallAsync("searchAndReconsileIssuesUsingJql", "GET",
            $"rest/api/3/search/jql?jql={Uri.EscapeDataString($"{field} = \"search-contract\"")}", null, 200);
    }
}
