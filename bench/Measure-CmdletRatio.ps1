#Requires -Version 5.1
<#
.SYNOPSIS
    Times the cmdlets against the policysim CLI on the same log (issue #6: Invoke-PolicyReplay -Path within 2x of the CLI).

.DESCRIPTION
    Runs, interleaved and -Repeat times each:
      - policysim compare REF DIFF FILE --format json --summary   (the published CLI, a separate process)
      - Compare-PolicyDecision REF DIFF -Path FILE -Summary       (in this PowerShell process)
      - Invoke-PolicyReplay DIFF -BaselinePolicy REF -Path FILE -Summary
      - Get-Content FILE | Compare-PolicyDecision REF DIFF -Summary (pipeline strings; -PipelineStrings only)
    and prints the minimum and median wall time of each and its ratio to the CLI. Nothing is asserted: timings depend on
    the machine. The CLI time includes its process start; the cmdlet times include policy loading but not module import.

    Build first, from the repository root:
      ./build.ps1                                        (module in out/PolicySim)
      dotnet publish src/PolicySim.Cli -c Release -o out/cli

.PARAMETER Path
    The PolicyEvent log (JSONL), e.g. from: python3 bench/gen_events.py 200000 1 big.jsonl

.PARAMETER ReferencePolicy
    The baseline policy: a file or a built-in ruleset name. Default: default.

.PARAMETER DifferencePolicy
    The candidate policy. Default: strict.

.PARAMETER Repeat
    Runs per command. Default: 3.

.PARAMETER PipelineStrings
    Also time the pipeline of strings from Get-Content (slow on large logs: one ProcessRecord per line).

.EXAMPLE
    ./bench/Measure-CmdletRatio.ps1 -Path ./big.jsonl

.EXAMPLE
    ./bench/Measure-CmdletRatio.ps1 -Path ./big.jsonl -ReferencePolicy examples/policies/current.yaml -DifferencePolicy examples/policies/candidate.yaml -PipelineStrings
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [string] $Path,

    [string] $ReferencePolicy = 'default',

    [string] $DifferencePolicy = 'strict',

    [ValidateRange(1, 20)]
    [int] $Repeat = 3,

    [switch] $PipelineStrings
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# policysim exits 2 when outcomes change; that is data here, not a failure (PowerShell 7.3+ could throw otherwise).
$PSNativeCommandUseErrorActionPreference = $false

$root = Split-Path -Parent $PSScriptRoot
$onWindows = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT
$cli = Join-Path $root 'out/cli/policysim'
if ($onWindows) {
    $cli += '.exe'
}

if (-not (Test-Path -LiteralPath $cli)) {
    throw "The published CLI is missing: run 'dotnet publish src/PolicySim.Cli -c Release -o out/cli' first ($cli)."
}

$manifest = Join-Path $root 'out/PolicySim/PolicySim.psd1'
if (-not (Test-Path -LiteralPath $manifest)) {
    throw "The module is missing: run ./build.ps1 first ($manifest)."
}

Import-Module $manifest -Force
$log = (Resolve-Path -LiteralPath $Path).ProviderPath

function Resolve-PolicyArgument([string] $Policy) {
    # An existing file is passed by its full path; anything else is taken as a built-in ruleset name.
    if (Test-Path -LiteralPath $Policy) {
        return (Resolve-Path -LiteralPath $Policy).ProviderPath
    }

    return $Policy
}

$refArg = Resolve-PolicyArgument $ReferencePolicy
$diffArg = Resolve-PolicyArgument $DifferencePolicy

function Import-PolicyArgument([string] $Policy) {
    if (Test-Path -LiteralPath $Policy) {
        return Import-PolicyDefinition -LiteralPath $Policy
    }

    return Import-PolicyDefinition -Name $Policy
}

$runs = [ordered]@{
    'policysim compare (CLI)'             = { & $cli compare $refArg $diffArg $log --format json --summary | Out-Null }
    'Compare-PolicyDecision -Path'        = {
        $ref = Import-PolicyArgument $refArg
        $diff = Import-PolicyArgument $diffArg
        Compare-PolicyDecision -ReferencePolicy $ref -DifferencePolicy $diff -LiteralPath $log -Summary | Out-Null
    }
    'Invoke-PolicyReplay -Path'           = {
        $ref = Import-PolicyArgument $refArg
        $diff = Import-PolicyArgument $diffArg
        Invoke-PolicyReplay -Policy $diff -BaselinePolicy $ref -LiteralPath $log -Summary | Out-Null
    }
}

if ($PipelineStrings) {
    $runs['Get-Content | Compare-PolicyDecision'] = {
        $ref = Import-PolicyArgument $refArg
        $diff = Import-PolicyArgument $diffArg
        Get-Content -LiteralPath $log | Compare-PolicyDecision -ReferencePolicy $ref -DifferencePolicy $diff -Summary | Out-Null
    }
}

$times = @{}
foreach ($name in $runs.Keys) {
    $times[$name] = New-Object 'System.Collections.Generic.List[double]'
}

# One untimed round first: JIT and file cache warm for every command alike.
foreach ($name in $runs.Keys) {
    & $runs[$name]
}

for ($round = 1; $round -le $Repeat; $round++) {
    foreach ($name in $runs.Keys) {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        & $runs[$name]
        $clock.Stop()
        $times[$name].Add($clock.Elapsed.TotalSeconds)
        Write-Verbose ('{0}: {1:N2} s' -f $name, $clock.Elapsed.TotalSeconds)
    }
}

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    return $sorted[[int][Math]::Floor(($sorted.Count - 1) / 2)]
}

$cliMin = ($times['policysim compare (CLI)'] | Measure-Object -Minimum).Minimum
foreach ($name in $runs.Keys) {
    $min = ($times[$name] | Measure-Object -Minimum).Minimum
    [pscustomobject]@{
        Command     = $name
        MinSeconds  = [Math]::Round($min, 2)
        MedianSeconds = [Math]::Round((Get-Median $times[$name].ToArray()), 2)
        RatioToCli  = [Math]::Round($min / $cliMin, 2)
    }
}
