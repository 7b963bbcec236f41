using JiraConnector.Resources;
using JiraConnector.Tests.Unit.Support;
using JiraConnector.Errors;

namespace JiraConnector.Tests.Unit.Resources;

/// <summary>The per-instance field catalog: one GET field however many threads ask at once, and
/// fields found by id, display name or JQL clause name.</summary>
public sealed class FieldCatalogTests(CloudEmulator cloud) : IClassFixture<CloudEmulator>, IDisposable
{
    private readonly ModuleHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Concurrent_first_uses_read_the_catalog_once()
    {
        using var admin = new EmulatorAdmin(cloud.BaseUrl);
        var instance = ConnectedInstance.Connect(_host, cloud, "cat1");
        await admin.ClearAsync();

        var catalogs = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            Task.Run(() => FieldCatalog.ForAsync(instance, null, TestContext.Current.CancellationToken))));

        Assert.Single(await admin.RequestsAsync("/field"));
        Assert.All(catalogs, c => Assert.Same(catalogs[0], c));
    }

    [Fact]
    public async Task A_failed_read_is_not_kept()
    {
        using var admin = new EmulatorAdmin(cloud.BaseUrl);
        var instance = ConnectedInstance.Connect(_host, cloud, "cat2");
        await admin.ClearAsync();
        await admin.AddFaultAsync(new { status = 403, count = 1, pathContains = "/field" });
        try
        {
            await Assert.ThrowsAsync<JiraConnector.Http.JiraApiException>(() => FieldCatalog.ForAsync(instance, null, TestContext.Current.CancellationToken));

            var catalog = await FieldCatalog.ForAsync(instance, null, TestContext.Current.CancellationToken);

            Assert.NotEmpty(catalog.Fields);
        }
        finally
        {
            await admin.ClearAsync();
        }
    }

    [Theory]
    [InlineData("customfield_10016")]
    [InlineData("Story point estimate")]
    [InlineData("story POINT estimate")]
    [InlineData("cf[10016]")]
    public async Task Finds_a_custom_field_by_id_name_or_clause(string text)
    {
        var catalog = await FieldCatalog.ForAsync(ConnectedInstance.Connect(_host, cloud, "cat3"), null, TestContext.Current.CancellationToken);

        Assert.Equal("customfield_10016", catalog.Resolve(text).Id);
    }

    [Fact]
    public async Task An_unknown_field_is_an_error_that_suggests_near_names()
    {
        var catalog = await FieldCatalog.ForAsync(ConnectedInstance.Connect(_host, cloud, "cat4"), null, TestContext.Current.CancellationToken);

        var error = Assert.Throws<JiraArgumentException>(() => catalog.Resolve("Story"));

        Assert.Equal("Fields", error.ParamName);
        Assert.Contains("'Story point estimate' (customfield_10016)", error.Message);
    }
}
