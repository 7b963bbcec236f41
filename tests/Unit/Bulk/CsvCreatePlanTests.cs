using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraConnector.Bulk;
using JiraConnector.Resources;
using JiraConnector.Tests.Unit.Resources;
using JiraConnector.Tests.Unit.Support;
using JiraConnector.Bulk.Upload;
using JiraConnector.Bulk.Sources;
using JiraConnector.Bulk.Jobs;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>A CSV file's create plan writes each row exactly as the field map would: the same
/// fields, values and shapes, and the same per-row errors, on both deployments (ADF or plain text).</summary>
public sealed class CsvCreatePlanTests(CloudEmulator cloud, DataCenterEmulator dataCenter)
    : IClassFixture<CloudEmulator>, IClassFixture<DataCenterEmulator>, IDisposable
{
    private readonly ModuleHost _host = new();

    public void Dispose() => _host.Dispose();

    public static TheoryData<string, string[]> Files => new()
    {
        { "project.key,issuetype.name,summary,priority.name,labels", ["OPS,Task,plain row,High,bench;l4", "OPS,Bug,,Low,", "10000,Task,numeric project,,;;", "OPS,Task,spaced labels,High, a ; b ;"] },
        { "Project,Issue Type,Summary,Priority,Labels,description,assignee,Story point estimate", ["OPS,Task,display names,High,x,Some *text*\nline two,abc-123,5", "10000,10001,ids,3,,,,", "OPS,Task,,,,,,"] },
        { "project.key,project.name,summary,assignee.accountId,resolution.name,key,_error", ["OPS,Operations,merged,acc-1,Done,OPS-9,old error", ",Operations,half merged,,,,", ",,,,,,"] },
        { "project.key,summary,worklog.comment,nosuchfield", ["OPS,array of objects,a;b,", "OPS,filled unknown,,boom"] },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task The_plan_writes_what_the_field_map_writes_on_Cloud(string header, string[] rows) =>
        await AssertSameAsync(cloud, "plan-cloud", header, rows);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task The_plan_writes_what_the_field_map_writes_on_Data_Center(string header, string[] rows) =>
        await AssertSameAsync(dataCenter, "plan-dc", header, rows);

    [Theory]
    [InlineData("project,project.key,summary")]
    [InlineData("project.key,project.key.id,summary")]
    [InlineData("labels,labels,summary")]
    [InlineData("project.key,summary,customfield_10016,Story point estimate")]
    public async Task Headers_whose_columns_overlap_get_no_plan(string header)
    {
        var (instance, catalog) = await ConnectAsync(cloud, "plan-none");

        var columns = new IncidentRecordMapper(catalog, "key").ColumnsFor(header.Split(','));

        Assert.Null(CsvCreatePlan.For(columns, instance));
    }

    [Fact]
    public async Task The_plan_writes_what_the_field_map_writes_for_generated_files()
    {
        var (instance, catalog) = await ConnectAsync(cloud, "plan-generated");
        var creator = new IncidentCreator(new BulkContext(instance, "job-plan", default), catalog);
        string[] vocabulary =
        [
            "project", "project.key", "project.name", "issuetype", "issuetype.name", "issuetype.id", "summary", "Summary", "description",
            "priority", "priority.name", "labels", "assignee", "assignee.accountId", "Story point estimate", "resolution.name",
            "worklog.comment", "key", "id", "_row", "nosuchfield", "nosuchfield.key",
        ];
        string[] cells = ["", "OPS", "10000", "a;b", " x ; ;y", "High", "3.5", "text with \"quotes\"", "=SUM(A1)"];
        var random = new Random(20261129);
        var planned = 0;
        for (var file = 0; file < 300; file++)
        {
            var headers = Enumerable.Range(0, random.Next(1, 7)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray();
            var fieldMap = new IncidentRecordMapper(catalog, "key");
            var plan = CsvCreatePlan.For(fieldMap.ColumnsFor(headers), instance);
            if (plan == null) continue;
            planned++;
            for (var row = 1; row <= 5; row++)
            {
                var record = SourceRecord.FromCells(row, headers, headers.Select(_ => cells[random.Next(cells.Length)]).ToArray(), null);
                Assert.Equal(Outcome(() => creator.ElementFor(fieldMap.Map(record))), Outcome(() => creator.ElementFor(plan, record)));
            }
        }
        // Most generated headers have a plan; the rest (overlapping columns) are the field map's.
        Assert.InRange(planned, 150, 300);
    }

    private async Task AssertSameAsync(EmulatorFixture emulator, string name, string header, string[] rows)
    {
        var (instance, catalog) = await ConnectAsync(emulator, name);
        var creator = new IncidentCreator(new BulkContext(instance, "job-plan", default), catalog);
        var fieldMap = new IncidentRecordMapper(catalog, "key");
        var headers = header.Split(',');
        var plan = CsvCreatePlan.For(fieldMap.ColumnsFor(headers), instance);
        Assert.NotNull(plan);
        var checkedRows = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var record = SourceRecord.FromCells(i + 1, headers, rows[i].Split(','), null);
            var expected = Outcome(() => creator.ElementFor(fieldMap.Map(record)));
            var actual = Outcome(() => creator.ElementFor(plan!, record));
            Assert.Equal(expected, actual);
            checkedRows++;
        }
        Assert.Equal(rows.Length, checkedRows);
    }

    private async Task<(JiraInstance Instance, FieldCatalog Catalog)> ConnectAsync(EmulatorFixture emulator, string name)
    {
        var instance = ConnectedInstance.Connect(_host, emulator, name);
        return (instance, await FieldCatalog.ForAsync(instance, null, TestContext.Current.CancellationToken));
    }

    /// <summary>The element with its objects' members sorted (member order means nothing to Jira),
    /// or the error a bad row gets.</summary>
    private static string Outcome(Func<byte[]> write)
    {
        try
        {
            return Sorted(JsonNode.Parse(Encoding.UTF8.GetString(write()))!).ToJsonString();
        }
        catch (ArgumentException ex)
        {
            return "error: " + ex.Message;
        }
    }

    private static JsonNode Sorted(JsonNode node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value == null ? null : Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(item => item == null ? null : Sorted(item)).ToArray()),
        _ => JsonNode.Parse(node.ToJsonString())!,
    };
}
