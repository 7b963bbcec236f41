using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace JiraConnector.Tests.Unit.Support;

/// <summary>A runspace with the module's cmdlets loaded from the built assembly, for tests that go
/// through the cmdlets exactly as a user at the prompt does.</summary>
public sealed class ModuleHost : IDisposable
{
    private readonly Runspace _runspace;

    /// <summary>Events relayed by the tests queue in a folder of this test process, removed when it
    /// exits, not in the user's data folder.</summary>
    static ModuleHost()
    {
        var root = Path.Combine(Path.GetTempPath(), $"jc-relay-{Environment.ProcessId}");
        Environment.SetEnvironmentVariable(JiraConnector.Events.Relay.RelayQueue.RootVariable, root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
    }

    public ModuleHost()
    {
        var state = InitialSessionState.CreateDefault2();
        var module = typeof(JiraConnector.Cmdlets.JiraCmdlet).Assembly.Location;
        state.ImportPSModule(module);
        // The manifest lists these; importing the dll alone, as here, does not load them.
        state.Types.Add(new SessionStateTypeEntry(Path.Combine(Path.GetDirectoryName(module)!, "JiraConnector.types.ps1xml")));
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
    }

    /// <summary>Runs a script; throws with the first error if the script wrote errors.</summary>
    public IReadOnlyList<PSObject> Run(string script, IDictionary<string, object?>? variables = null)
    {
        using var shell = Create(script, variables);
        var output = shell.Invoke();
        if (shell.HadErrors && shell.Streams.Error.Count > 0)
        {
            var first = shell.Streams.Error[0];
            throw new RuntimeException(first.ToString(), first.Exception, first);
        }
        return output;
    }

    public PowerShell Create(string script, IDictionary<string, object?>? variables = null)
    {
        var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        foreach (var pair in variables ?? new Dictionary<string, object?>()) _runspace.SessionStateProxy.SetVariable(pair.Key, pair.Value);
        shell.AddScript(script);
        return shell;
    }

    public void ConnectTo(EmulatorFixture emulator, string name)
    {
        var cloud = emulator.Server.Options.Deployment == JiraEmulator.Deployment.Cloud;
        Run("""
            $secret = ConvertTo-SecureString $password -AsPlainText -Force
            Connect-JiraInstance -Url $url -Credential ([pscredential]::new($user, $secret)) -Name $name
            """, new Dictionary<string, object?>
        {
            ["url"] = emulator.BaseUrl.ToString(),
            ["user"] = cloud ? EmulatorFixture.CloudUser : EmulatorFixture.DataCenterUser,
            ["password"] = cloud ? EmulatorFixture.CloudToken : EmulatorFixture.DataCenterPassword,
            ["name"] = name,
        });
    }

    public void Dispose() => _runspace.Dispose();
}
