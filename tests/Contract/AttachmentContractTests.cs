using System.Text;
using JiraConnector.Tests.Contract.Infrastructure;

namespace JiraConnector.Tests.Contract;

/// <summary>
/// Attachments: the upload (multipart, so only its response is checked against the spec), metadata, content and
/// delete, the issue's "attachment" field, the seeded files and Data Center's download link.
/// </summary>
[Collection(CloudWriters.Name)]
public sealed class AttachmentContractTests(CloudJira cloud, ReadOnlyCloudJira readOnly, DataCenterJira dataCenter)
{
    private const string Api = "rest/api/3";
    private static readonly Dictionary<string, string> NoCheck = new() { ["X-Atlassian-Token"] = "no-check" };

    private async Task<string> NewIssueAsync()
    {
        var reply = await cloud.Client().CallAsync("createIssue", "POST", $"{Api}/issue",
            """{"fields":{"project":{"key":"WEB"},"issuetype":{"name":"Task"},"summary":"Attachment contract test"}}""", 201);
        return reply.Json["key"]!.GetValue<string>();
    }

    [Fact]
    public async Task addAttachment_getIssue_getAttachment_getAttachmentContent_getChangeLogs_removeAttachment()
    {
        var client = cloud.Client();
        string key = await NewIssueAsync();
        byte[] text = Encoding.UTF8.GetBytes("first line\nsecond line\n");
        var uploaded = await client.CallAsync("addAttachment", "POST", $"{Api}/issue/{key}/attachments",
            JiraClient.Files(("log.txt", "text/plain", text), ("data.json", "application/octet-stream", "{}"u8.ToArray())), 200, NoCheck);
        var added = uploaded.Json.AsArray();
        Assert.Equal(["log.txt", "data.json"], added.Select(a => a!["filename"]!.GetValue<string>()).ToArray());
        Assert.Equal("application/json", added[1]!["mimeType"]!.GetValue<string>());
        Assert.Equal(text.Length, added[0]!["size"]!.GetValue<int>());
        string id = added[0]!["id"]!.GetValue<string>();

        var issue = await client.CallAsync("getIssue", "GET", $"{Api}/issue/{key}?fields=attachment", null, 200);
        Assert.Equal(2, issue.Json["fields"]!["attachment"]!.AsArray().Count);

        var metadata = await client.CallAsync("getAttachment", "GET", $"{Api}/attachment/{id}", null, 200);
        Assert.Equal(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), metadata.Json["id"]!.GetValue<long>());
        var contentUrl = new Uri(metadata.Json["content"]!.GetValue<string>());

        var content = await client.CallAsync("getAttachmentContent", "GET", contentUrl.PathAndQuery, null, 200, null);
        Assert.Equal(text, content.Bytes);
        Assert.StartsWith("text/plain", content.Headers["Content-Type"]);
        var range = await client.CallAsync("getAttachmentContent", "GET", contentUrl.PathAndQuery, null, 206,
            new Dictionary<string, string> { ["Range"] = "bytes=0-4" });
        Assert.Equal("first"u8.ToArray(), range.Bytes);

        var changelog = await client.CallAsync("getChangeLogs", "GET", $"{Api}/issue/{key}/changelog", null, 200);
        Assert.Contains(changelog.Json["values"]!.AsArray().SelectMany(h => h!["items"]!.AsArray()),
            item => item!["field"]!.GetValue<string>() == "Attachment" && item["toString"]?.GetValue<string>() == "log.txt");

        await client.CallAsync("removeAttachment", "DELETE", $"{Api}/attachment/{id}", null, 204);
        await client.CallAsync("getAttachment", "GET", $"{Api}/attachment/{id}", null, 404);
        await client.CallAsync("removeAttachment", "DELETE", $"{Api}/attachment/{id}", null, 404);
        issue = await client.CallAsync("getIssue", "GET", $"{Api}/issue/{key}?fields=attachment", null, 200);
        Assert.Single(issue.Json["fields"]!["attachment"]!.AsArray());
    }

    [Fact]
    public async Task addAttachment_needs_X_Atlassian_Token_an_existing_issue_and_a_file_under_the_limit()
    {
        var client = cloud.Client();
        string key = await NewIssueAsync();
        var files = JiraClient.Files(("a.txt", "text/plain", "a"u8.ToArray()));
        var refused = await client.CallAsync("addAttachment", "POST", $"{Api}/issue/{key}/attachments", files, 403, null);
        Assert.Contains("XSRF check failed", refused.Body);
        await client.CallAsync("addAttachment", "POST", $"{Api}/issue/NOPE-1/attachments",
            JiraClient.Files(("a.txt", "text/plain", "a"u8.ToArray())), 404, NoCheck);
        var meta = await client.CallAsync("getAttachmentMeta", "GET", $"{Api}/attachment/meta", null, 200);
        long limit = meta.Json["uploadLimit"]!.GetValue<long>();
        await client.CallAsync("addAttachment", "POST", $"{Api}/issue/{key}/attachments",
            JiraClient.Files(("big.bin", null, new byte[limit + 1])), 413, NoCheck);
        var issue = await client.CallAsync("getIssue", "GET", $"{Api}/issue/{key}?fields=attachment", null, 200);
        Assert.Empty(issue.Json["fields"]!["attachment"]!.AsArray());
    }

    [Fact]
    public async Task Seeded_attachments_on_every_fifth_issue_getIssue_v2_getAttachmentContent()
    {
        var client = readOnly.Client();
        var issue = await client.CallAsync("getIssue", "GET", "rest/api/2/issue/OPS-1?fields=attachment,summary", null, 200);
        var attachments = issue.Json["fields"]!["attachment"]!.AsArray();
        Assert.Equal(["notes.txt", "screenshot.png"], attachments.Select(a => a!["filename"]!.GetValue<string>()).ToArray());
        var notes = await client.CallAsync("getAttachmentContent", "GET", new Uri(attachments[0]!["content"]!.GetValue<string>()).PathAndQuery, null, 200, null);
        Assert.Equal($"Notes for OPS-1: {issue.Json["fields"]!["summary"]!.GetValue<string>()}\n", notes.Body);
        var png = await client.CallAsync("getAttachmentContent", "GET", new Uri(attachments[1]!["content"]!.GetValue<string>()).PathAndQuery, null, 200, null);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Bytes.Take(4).ToArray());
        // Issue index 1 (WEB-1) is not a multiple of five.
        var none = await client.CallAsync("getIssue", "GET", "rest/api/3/issue/WEB-1?fields=attachment", null, 200);
        Assert.Empty(none.Json["fields"]!["attachment"]!.AsArray());
    }

    [Fact]
    public async Task Data_Center_links_content_under_secure_attachment_with_the_same_credentials()
    {
        var client = dataCenter.Client();
        var issue = await client.GetAsync("rest/api/2/issue/OPS-1?fields=attachment");
        var first = issue.Json["fields"]!["attachment"]![0]!;
        Assert.NotNull(first["author"]!["name"]);
        Assert.Null(first["author"]!["accountId"]);
        var link = new Uri(first["content"]!.GetValue<string>());
        Assert.StartsWith("/secure/attachment/", link.AbsolutePath);
        var download = await client.GetAsync(link.PathAndQuery);
        Assert.Equal(200, download.Status);
        Assert.StartsWith("Notes for OPS-1", download.Body);
        Assert.Equal(401, (await dataCenter.Client(authenticated: false).GetAsync(link.PathAndQuery)).Status);
        Assert.Equal(404, (await client.GetAsync($"rest/api/2/attachment/content/{first["id"]!.GetValue<string>()}")).Status);
    }
}
