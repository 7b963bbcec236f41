# Shared by the bench scripts: emulator start/stop, a plain HttpClient page loop as the baseline,
$PSStyle.OutputRendering = "PlainText"
# and medians. Benchmarks print figures; they assert nothing.
$root = Split-Path (Split-Path $PSScriptRoot -Parent) -Parent
Import-Module (Join-Path $root 'tools/BuildTools.psm1') -Force

function Get-Median {
    param([Parameter(Mandatory)] [double[]] $Values)
    $sorted = $Values | Sort-Object
    $middle = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

function New-BasicHttpClient {
    param([string] $User = 'admin@example.com', [string] $Secret = 'emu-token-admin')
    $client = [System.Net.Http.HttpClient]::new()
    $pair = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${User}:$Secret"))
    $client.DefaultRequestHeaders.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Basic', $pair)
    $client
}

function Measure-RawSearchJql {
    # The baseline: fetch every page of search/jql exactly as the module asks for it, read each
    # body to the end, parse nothing, keep nothing. Returns issues read, pages and seconds.
    param(
        [Parameter(Mandatory)] [string] $Url,
        [string] $Jql = 'project IS NOT EMPTY ORDER BY key ASC',
        [int] $PageSize = 50,
        [int] $Limit = [int]::MaxValue
    )
    $client = New-BasicHttpClient
    try {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $token = $null
        $pages = 0
        $issues = 0
        do {
            $query = "jql=$([Uri]::EscapeDataString($Jql))&maxResults=$PageSize&fields=*navigable"
            if ($token) { $query += "&nextPageToken=$([Uri]::EscapeDataString($token))" }
            $body = $client.GetStringAsync("$Url/rest/api/3/search/jql?$query").GetAwaiter().GetResult()
            $pages++
            # Only the paging fields are read, with a regex, so the baseline does no JSON work.
            $issues += ([regex]::Matches($body, '"key":"[A-Z]+-\d+"')).Count
            $match = [regex]::Match($body, '"nextPageToken":"([^"]+)"')
            $token = if ($match.Success) { $match.Groups[1].Value } else { $null }
        } while ($token -and $issues -lt $Limit)
        [pscustomobject]@{ Issues = $issues; Pages = $pages; Seconds = $clock.Elapsed.TotalSeconds }
    }
    finally { $client.Dispose() }
}

function Set-EmulatorLatency {
    param([Parameter(Mandatory)] [string] $Url, [int] $Milliseconds)
    Invoke-RestMethod -Method Delete "$Url/__emulator/faults" | Out-Null
    if ($Milliseconds -gt 0) {
        $rule = @{ latencyMs = $Milliseconds; pathContains = '/rest/' } | ConvertTo-Json
        Invoke-RestMethod -Method Post "$Url/__emulator/faults" -Body $rule -ContentType 'application/json' | Out-Null
    }
}

function Import-BulkBenchType {
    # The bulk benches' raw issue/bulk sender and their inputs (CSV files, prepared request bodies).
    Add-Type -Path (Join-Path $PSScriptRoot 'RawBulkSender.cs'), (Join-Path $PSScriptRoot 'BulkBenchInputs.cs') -ReferencedAssemblies System.Net.Http, System.Net.Primitives, System.Linq, System.Collections, System.Threading, System.Threading.Thread, System.IO, System.Runtime.Extensions
}
