using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Resources;

/// <summary>-Fields to Jira's body: names to ids, values to each field type's shape, and plain text
/// to ADF on Cloud only.</summary>
public sealed class RequestBodiesTests(CloudEmulator cloud, DataCenterEmulator dataCenter)
    : IClassFixture<CloudEmulator>, IClassFixture<DataCenterEmulator>, IDisposable
{
    private readonly ModuleHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task<JsonElement> IssueBodyAsync(EmulatorFixture emulator, Dictionary<string, object?> fields)
    {
        var instance = ConnectedInstance.Connect(_host, emulator, emulator is CloudEmulator ? "c" : "d");
        var catalog = await FieldCatalog.ForAsync(instance, null, TestContext.Current.CancellationToken);
        var json = RequestBodies.Build(WriteShape.IssueFields, instance, fields, catalog, null);
        return JsonDocument.Parse(json).RootElement.GetProperty("fields");
    }

    [Fact]
    public async Task Cloud_gets_ADF_account_ids_and_named_references()
    {
        var fields = await IssueBodyAsync(cloud, new()
        {
            ["Description"] = "one\ntwo", ["priority"] = "High", ["assignee"] = "712020:x", ["labels"] = "solo",
            ["Story point estimate"] = "5", ["project"] = "OPS", ["summary"] = "s",
        });

        Assert.Equal("doc", fields.GetProperty("description").GetProperty("type").GetString());
        Assert.Equal("one\ntwo", AdfText.ToPlainText(fields.GetProperty("description")));
        Assert.Equal("High", fields.GetProperty("priority").GetProperty("name").GetString());
        Assert.Equal("712020:x", fields.GetProperty("assignee").GetProperty("accountId").GetString());
        Assert.Equal(new string?[] { "solo" }, fields.GetProperty("labels").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.Equal(5, fields.GetProperty("customfield_10016").GetDouble());
        Assert.Equal("OPS", fields.GetProperty("project").GetProperty("key").GetString());
        Assert.Equal("s", fields.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Data_Center_gets_plain_text_and_user_names()
    {
        var fields = await IssueBodyAsync(dataCenter, new() { ["description"] = "plain", ["assignee"] = "alice", ["priority"] = "3" });

        Assert.Equal("plain", fields.GetProperty("description").GetString());
        Assert.Equal("alice", fields.GetProperty("assignee").GetProperty("name").GetString());
        Assert.Equal("3", fields.GetProperty("priority").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("single line")]
    [InlineData("first\nsecond\n\nfourth")]
    public void Plain_text_survives_a_round_trip_through_ADF(string text)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) AdfText.WriteDocument(writer, text);

        var document = JsonDocument.Parse(buffer.ToArray()).RootElement;

        Assert.Equal(text, AdfText.ToPlainText(document));
    }
}
