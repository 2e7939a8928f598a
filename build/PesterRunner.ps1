<#
.SYNOPSIS
    Runs the Pester 5 tests and writes NUnit XML; the process exit code is the number of failed tests.
    build.ps1 starts it in a fresh PowerShell process.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $TestPath,
    [Parameter(Mandatory)] [string] $ResultPath
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

Import-Module -Name Pester -MinimumVersion '5.5.0'
$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestPath
$configuration.Run.Exit = $true
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = $ResultPath
$configuration.Output.Verbosity = 'Detailed'
Invoke-Pester -Configuration $configuration
