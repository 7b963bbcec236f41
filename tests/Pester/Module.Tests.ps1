# The module as it ships: it loads cleanly and exports exactly the cmdlets its assembly defines.
Describe 'The built module' {
    It 'imports in a fresh pwsh -NoProfile with no errors and exports exactly its cmdlets' {
        $script = {
            param($path)
            $ErrorActionPreference = 'Stop'
            $module = Import-Module $path -PassThru
            $exported = @($module.ExportedCmdlets.Keys | Sort-Object)
            $defined = @($module.ImplementingAssembly.GetExportedTypes() |
                Where-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
                ForEach-Object { $a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; "$($a.VerbName)-$($a.NounName)" } |
                Sort-Object)
            [pscustomobject]@{ Exported = $exported -join ','; Defined = $defined -join ','; Version = "$($module.Version)" }
        }
        $pwsh = Join-Path $PSHOME 'pwsh.dll'
        $json = & dotnet $pwsh -NoProfile -NonInteractive -Command "& { $script } '$env:JIRACONNECTOR_MODULE' | ConvertTo-Json -Compress" 2>&1
        $LASTEXITCODE | Should -Be 0 -Because "$json"
        $result = $json | ConvertFrom-Json
        $result.Exported | Should -Not -BeNullOrEmpty
        $result.Exported | Should -Be $result.Defined
        $result.Version | Should -Not -Be '0.0.0'
    }
}
