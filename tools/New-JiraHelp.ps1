# Writes the module's MAML help (en-US/JiraConnector.dll-Help.xml) from three sources, so the help
# cannot drift from the code: the cmdlet classes (names, parameters, parameter sets, output types)
# by reflection, their /// <summary> comments (synopsis and parameter descriptions) from the XML
# documentation file the build emits, and docs/help/<Cmdlet>.psd1 (description and examples).
# Runs in its own pwsh (see Invoke-Build) so the build's process never loads the module.
param(
    [Parameter(Mandatory)] [string] $AssemblyPath,
    [Parameter(Mandatory)] [string] $DocsFolder,
    [Parameter(Mandatory)] [string] $OutFile
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$assembly = [System.Reflection.Assembly]::LoadFrom($AssemblyPath)
[xml] $xmlDoc = Get-Content -Raw ([System.IO.Path]::ChangeExtension($AssemblyPath, '.xml'))
$summaries = @{}
foreach ($member in $xmlDoc.doc.members.member) {
    $summary = $member.SelectSingleNode('summary')
    if (-not $summary) { continue }
    # <see cref="T:X.Y"/> and <paramref name="x"/> read as their last name part.
    foreach ($reference in @($summary.SelectNodes('.//see|.//paramref'))) {
        $name = if ($reference.HasAttribute('cref')) { ($reference.GetAttribute('cref') -split '[.:]')[-1] } else { $reference.GetAttribute('name') }
        $null = $reference.ParentNode.ReplaceChild($xmlDoc.CreateTextNode($name), $reference)
    }
    $summaries[$member.name] = ($summary.InnerText -replace '\s+', ' ').Trim()
}

# Parameters PowerShell adds itself (SupportsPaging, SupportsShouldProcess): fixed wording.
$added = @{
    First             = @('UInt64', 'Gets only the first N records.')
    Skip              = @('UInt64', 'Ignores the first N records, then gets the rest.')
    IncludeTotalCount = @('SwitchParameter', 'Writes the total number of records first (accuracy 1.0 when Jira reports a total, 0.0 when it does not).')
    WhatIf            = @('SwitchParameter', 'Shows what would happen, and sends no request to Jira.')
    Confirm           = @('SwitchParameter', 'Asks for confirmation before the change.')
}

$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$directory = Split-Path $OutFile
if (-not (Test-Path $directory)) { $null = New-Item -ItemType Directory $directory }
$writer = [System.Xml.XmlWriter]::Create($OutFile, $settings)
$maml = 'http://schemas.microsoft.com/maml/2004/10'
$command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$dev = 'http://schemas.microsoft.com/maml/dev/2004/10'

function Write-Para([string] $Text) {
    foreach ($paragraph in ($Text -split "`n\s*`n")) {
        $writer.WriteElementString('maml', 'para', $maml, ($paragraph -replace '\s+', ' ').Trim())
    }
}

function Write-Description([string] $Text) {
    $writer.WriteStartElement('maml', 'description', $maml)
    Write-Para $Text
    $writer.WriteEndElement()
}

function Write-Parameter($Parameter, [switch] $InSyntax) {
    $writer.WriteStartElement('command', 'parameter', $command)
    $writer.WriteAttributeString('required', "$($Parameter.Required)".ToLowerInvariant())
    $writer.WriteAttributeString('variableLength', 'true')
    $writer.WriteAttributeString('globbing', "$($Parameter.Globbing)".ToLowerInvariant())
    $writer.WriteAttributeString('pipelineInput', $Parameter.Pipeline)
    $writer.WriteAttributeString('position', $Parameter.Position)
    $writer.WriteAttributeString('aliases', $(if ($Parameter.Aliases) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $writer.WriteElementString('maml', 'name', $maml, $Parameter.Name)
    Write-Description $Parameter.Description
    if ($Parameter.TypeName -ne 'SwitchParameter') {
        $writer.WriteStartElement('command', 'parameterValue', $command)
        $writer.WriteAttributeString('required', 'true')
        $writer.WriteAttributeString('variableLength', 'false')
        $writer.WriteString($Parameter.TypeName)
        $writer.WriteEndElement()
    }
    $writer.WriteStartElement('dev', 'type', $dev)
    $writer.WriteElementString('maml', 'name', $maml, $Parameter.FullTypeName)
    $writer.WriteEndElement()
    if (-not $InSyntax) { $writer.WriteElementString('dev', 'defaultValue', $dev, $(if ($null -ne $Parameter.Default) { $Parameter.Default } else { 'None' })) }
    $writer.WriteEndElement()
}

# A parameter's initial value as help shows it; none for null, empty, false and zero.
function Get-DefaultValue($Property, $Instance) {
    $value = $Property.GetValue($Instance)
    if ($null -eq $value -or $value -is [bool] -or $value -is [System.Management.Automation.SwitchParameter]) { return $null }
    if ($value -is [string] -and $value.Length -eq 0) { return $null }
    if ($value -is [ValueType] -and $value -eq [Activator]::CreateInstance($value.GetType())) { return $null }
    "$value"
}

$cmdletTypes = $assembly.GetExportedTypes() |
    Where-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
    Sort-Object { $a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; "$($a.VerbName)-$($a.NounName)" }

$writer.WriteStartDocument()
$writer.WriteStartElement('helpItems', 'http://msh')
$writer.WriteAttributeString('schema', 'maml')
foreach ($type in $cmdletTypes) {
    $attribute = $type.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
    $name = "$($attribute.VerbName)-$($attribute.NounName)"
    $docsFile = Join-Path $DocsFolder "$name.psd1"
    $docs = if (Test-Path $docsFile) { Import-PowerShellDataFile $docsFile } else { @{} }

    # Every parameter with its sets; DontShow ones are plumbing for the pipeline, not for people.
    # Defaults are read from a new instance of the cmdlet (MaxRetries = 4), so they cannot drift.
    $parameters = [System.Collections.Generic.List[object]]::new()
    $fresh = [Activator]::CreateInstance($type)
    foreach ($property in $type.GetProperties()) {
        $attributes = @($property.GetCustomAttributes([System.Management.Automation.ParameterAttribute], $true))
        if ($attributes.Count -eq 0 -or ($attributes | Where-Object DontShow)) { continue }
        $aliases = @($property.GetCustomAttributes([System.Management.Automation.AliasAttribute], $true) | ForEach-Object AliasNames)
        $valueType = [Nullable]::GetUnderlyingType($property.PropertyType)
        if (-not $valueType) { $valueType = $property.PropertyType }
        $description = $summaries["P:$($property.DeclaringType.FullName).$($property.Name)"]
        if ($docs.ContainsKey('Parameters') -and $docs.Parameters.ContainsKey($property.Name)) { $description = $docs.Parameters[$property.Name] }
        foreach ($parameterAttribute in $attributes) {
            $pipeline = @(if ($parameterAttribute.ValueFromPipeline) { 'ByValue' }; if ($parameterAttribute.ValueFromPipelineByPropertyName) { 'ByPropertyName' })
            $parameters.Add([pscustomobject]@{
                Name         = $property.Name
                Set          = $parameterAttribute.ParameterSetName
                Required     = $parameterAttribute.Mandatory
                Position     = $(if ($parameterAttribute.Position -ge 0) { "$($parameterAttribute.Position)" } else { 'named' })
                Pipeline     = $(if ($pipeline) { "true ($($pipeline -join ', '))" } else { 'false' })
                Globbing     = [bool] $property.GetCustomAttributes([System.Management.Automation.SupportsWildcardsAttribute], $true)
                Aliases      = $aliases
                Description  = $description
                TypeName     = $valueType.Name
                FullTypeName = $valueType.FullName
                Default      = Get-DefaultValue $property $fresh
            })
        }
    }
    $extra = @()
    if ($attribute.SupportsPaging) { $extra += 'First', 'Skip', 'IncludeTotalCount' }
    if ($attribute.SupportsShouldProcess) { $extra += 'WhatIf', 'Confirm' }
    foreach ($extraName in $extra) {
        $parameters.Add([pscustomobject]@{
            Name = $extraName; Set = '__AllParameterSets'; Required = $false; Position = 'named'; Pipeline = 'false'; Globbing = $false
            Aliases = @(if ($extraName -eq 'WhatIf') { 'wi' } elseif ($extraName -eq 'Confirm') { 'cf' }); Description = $added[$extraName][1]
            TypeName = $added[$extraName][0]; Default = $null; FullTypeName = $(if ($added[$extraName][0] -eq 'UInt64') { 'System.UInt64' } else { 'System.Management.Automation.SwitchParameter' })
        })
    }
    $sets = @($parameters.Set | Where-Object { $_ -ne '__AllParameterSets' } | Sort-Object -Unique)
    if ($sets.Count -eq 0) { $sets = @('__AllParameterSets') }

    $writer.WriteStartElement('command', 'command', $command)
    $writer.WriteAttributeString('xmlns', 'maml', $null, $maml)
    $writer.WriteAttributeString('xmlns', 'dev', $null, $dev)
    $writer.WriteStartElement('command', 'details', $command)
    $writer.WriteElementString('command', 'name', $command, $name)
    $writer.WriteElementString('command', 'verb', $command, $attribute.VerbName)
    $writer.WriteElementString('command', 'noun', $command, $attribute.NounName)
    Write-Description $summaries["T:$($type.FullName)"]
    $writer.WriteEndElement()
    Write-Description $docs['Description']

    $writer.WriteStartElement('command', 'syntax', $command)
    foreach ($set in $sets) {
        $writer.WriteStartElement('command', 'syntaxItem', $command)
        $writer.WriteElementString('maml', 'name', $maml, $name)
        $inSet = $parameters | Where-Object { $_.Set -eq $set -or $_.Set -eq '__AllParameterSets' }
        $inSet | Sort-Object { if ($_.Position -eq 'named') { 1000 } else { [int] $_.Position } } | ForEach-Object { Write-Parameter $_ -InSyntax }
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'parameters', $command)
    foreach ($group in ($parameters | Group-Object Name)) {
        $first = $group.Group[0]
        # Required only where it is mandatory in every parameter set that has it.
        $first.Required = @($group.Group | Where-Object { -not $_.Required }).Count -eq 0
        Write-Parameter $first
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'inputTypes', $command)
    $inputs = @($parameters | Where-Object Pipeline -ne 'false' | ForEach-Object FullTypeName | Sort-Object -Unique)
    foreach ($inputType in $(if ($inputs) { $inputs } else { @('None') })) {
        $writer.WriteStartElement('command', 'inputType', $command)
        $writer.WriteStartElement('dev', 'type', $dev)
        $writer.WriteElementString('maml', 'name', $maml, $inputType)
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'returnValues', $command)
    $outputs = @($type.GetCustomAttributes([System.Management.Automation.OutputTypeAttribute], $true) | ForEach-Object { $_.Type } | ForEach-Object Name |
        Where-Object { $_ -and $_ -ne 'System.Void' } | Sort-Object -Unique)
    foreach ($outputType in $(if ($outputs) { $outputs } else { @('None') })) {
        $writer.WriteStartElement('command', 'returnValue', $command)
        $writer.WriteStartElement('dev', 'type', $dev)
        $writer.WriteElementString('maml', 'name', $maml, $outputType)
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'examples', $command)
    $number = 0
    foreach ($example in @($docs['Examples'] | Where-Object { $_ })) {
        $number++
        $writer.WriteStartElement('command', 'example', $command)
        $writer.WriteElementString('maml', 'title', $maml, "-------------------------- Example $number --------------------------")
        $writer.WriteElementString('dev', 'code', $dev, $example.Code.Trim())
        $writer.WriteStartElement('dev', 'remarks', $dev)
        Write-Para $example.Remarks
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
    $writer.WriteEndElement()
    if (-not (Test-Path $docsFile)) { Write-Warning "No ${docsFile}: $name has no description or examples in its help." }
}
$writer.WriteEndElement()
$writer.WriteEndDocument()
$writer.Dispose()
Write-Host "Help for $(@($cmdletTypes).Count) cmdlets written to $OutFile"
