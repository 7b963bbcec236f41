namespace JiraConnector.Tests.Contract.Infrastructure;

/// <summary>The test classes that share the writable Cloud emulator run one after another: one
/// class creating an issue while another counts a project's issues made a count test flaky.</summary>
[CollectionDefinition(Name)]
public sealed class CloudWriters
{
    public const string Name = "Writers of the shared Cloud emulator";
}
