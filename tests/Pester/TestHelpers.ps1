# Shared by the Pester files: the emulator's seeded credentials (see tests/JiraEmulator/README.md).
function New-EmulatorCredential {
    param([string] $User = 'admin@example.com', [string] $Secret = 'emu-token-admin')
    [pscredential]::new($User, (ConvertTo-SecureString $Secret -AsPlainText -Force))
}

function Connect-EmulatorCloud {
    param([string] $Name = 'cloud')
    Connect-JiraInstance -Url $env:JIRA_EMULATOR_URL -Credential (New-EmulatorCredential) -Name $Name
}

function Connect-EmulatorDataCenter {
    param([string] $Name = 'dc')
    Connect-JiraInstance -Url $env:JIRA_EMULATOR_DC_URL -Credential (New-EmulatorCredential -User 'admin' -Secret 'admin-password') -Name $Name
}

function Get-AssemblyReference {
    # The assemblies a dll references, with the versions it was compiled against, read from its
    # metadata (System.Reflection.Metadata): nothing is loaded.
    param([Parameter(Mandatory)] [string] $Path)
    $stream = [IO.File]::OpenRead($Path)
    try {
        $reader = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader([System.Reflection.PortableExecutable.PEReader]::new($stream))
        foreach ($handle in $reader.AssemblyReferences) {
            $reference = $reader.GetAssemblyReference($handle)
            [pscustomobject]@{ Name = $reader.GetString($reference.Name); Version = $reference.Version }
        }
    }
    finally { $stream.Dispose() }
}

function Get-SharedContextFrameworkReference {
    # The framework references that pwsh 7 resolves in its shared (default) load context: every one
    # of the dlls at the module root (only the engine is answered for them from our own context), and
    # those of the dlls in dependencies/ (and its builds precompiled for .NET 8) that name an assembly
    # the module does not ship beside them (the engine's load context hands those to the runtime).
    # Framework: a name the runtime ships.
    param([Parameter(Mandatory)] [string] $ModuleRoot)
    $framework = @(Get-ChildItem ([System.Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()) -Filter '*.dll' |
        ForEach-Object BaseName) + 'netstandard'
    # The portable engine folder, and the engine precompiled for .NET 8, which 7.4 loads instead of it.
    $folders = @(Join-Path $ModuleRoot 'dependencies') + @(Get-ChildItem (Join-Path $ModuleRoot 'dependencies/precompiled') -Directory -Filter 'net8.0-*' -ErrorAction SilentlyContinue | ForEach-Object FullName)
    $dlls = @(Get-ChildItem $ModuleRoot -Filter '*.dll' | ForEach-Object { @{ File = $_; Shipped = @() } })
    foreach ($folder in $folders) {
        $shipped = @(Get-ChildItem $folder -Filter '*.dll' | ForEach-Object BaseName)
        $dlls += @(Get-ChildItem $folder -Filter '*.dll' | ForEach-Object { @{ File = $_; Shipped = $shipped } })
    }
    foreach ($dll in $dlls) {
        Get-AssemblyReference $dll.File.FullName |
            Where-Object { $_.Name -in $framework -and $_.Name -notin $dll.Shipped } |
            Select-Object @{ n = 'Assembly'; e = { $dll.File.Name } }, Name, Version
    }
}

function Test-ReadyToRunImage {
    # Whether a dll carries ReadyToRun native code: its CLI header points at a managed native header.
    param([Parameter(Mandatory)] [string] $Path)
    $stream = [IO.File]::OpenRead($Path)
    try {
        $reader = [System.Reflection.PortableExecutable.PEReader]::new($stream)
        try { $reader.PEHeaders.CorHeader.ManagedNativeHeaderDirectory.Size -gt 0 } finally { $reader.Dispose() }
    }
    finally { $stream.Dispose() }
}
