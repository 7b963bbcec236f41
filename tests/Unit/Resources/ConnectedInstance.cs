using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Resources;

/// <summary>A JiraInstance connected through Connect-JiraInstance, as users get it, so the resource
/// classes are tested with the real HTTP pipeline against the emulator.</summary>
internal static class ConnectedInstance
{
    public static JiraInstance Connect(ModuleHost host, EmulatorFixture emulator, string name)
    {
        host.ConnectTo(emulator, name);
        return (JiraInstance)host.Run($"Get-JiraInstance -Name {name}")[0].BaseObject;
    }
}
