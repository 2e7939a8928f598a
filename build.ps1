#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests, analyzes and packages the PolicySim PowerShell module.

.DESCRIPTION
    Build   : dotnet build (Release) and assemble out/PolicySim (manifest, PolicySim.dll, dependencies/, format file,
              en-US MAML help generated from docs/cmdlets by build/HelpGen) with build/AssembleModule.proj.
    Test    : Build, dotnet test, then Pester 5 in a fresh PowerShell process (NUnit XML in out/TestResults/pester.xml).
    Analyze : PSScriptAnalyzer over the scripts and the manifest with PSScriptAnalyzerSettings.psd1.
    Package : Build, then zip out/PolicySim into out/PolicySim.<version>.zip.
    All     : every task above.
    Pester and PSScriptAnalyzer are installed for the current user from the PowerShell Gallery when missing; if that
    fails the task is skipped with a warning.

.PARAMETER Task
    The tasks to run (default Build).

.PARAMETER Configuration
    The dotnet build configuration (default Release).

.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Analyze', 'Package', 'All')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$RepoRoot = $PSScriptRoot
$OutDir = Join-Path $RepoRoot 'out'
$ModuleOut = Join-Path $OutDir 'PolicySim'
$TestResults = Join-Path $OutDir 'TestResults'
$Solution = Join-Path $RepoRoot 'PolicySim.sln'

function Invoke-Dotnet {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string[]] $Arguments)
    Write-Verbose ('dotnet ' + ($Arguments -join ' '))
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw ('dotnet ' + ($Arguments -join ' ') + ' failed with exit code ' + $LASTEXITCODE)
    }
}

function Get-RequiredModule {
    # Returns $true when a module of at least the version is available, installing it for the current user if needed.
    [CmdletBinding()]
    [OutputType([bool])]
    param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [version] $MinimumVersion)
    if (Get-Module -ListAvailable -Name $Name | Where-Object { $_.Version -ge $MinimumVersion }) {
        return $true
    }

    Write-Verbose "Installing $Name $MinimumVersion or later for the current user"
    try {
        if ($PSVersionTable.PSEdition -eq 'Desktop') {
            # Windows PowerShell 5.1 defaults to TLS 1.0; the gallery needs TLS 1.2.
            [System.Net.ServicePointManager]::SecurityProtocol = [System.Net.ServicePointManager]::SecurityProtocol -bor [System.Net.SecurityProtocolType]::Tls12
        }

        # -SkipPublisherCheck: Windows ships Pester 3.4 signed by another publisher, which blocks the update otherwise.
        Install-Module -Name $Name -MinimumVersion $MinimumVersion -Scope CurrentUser -Force -SkipPublisherCheck -AllowClobber -Repository PSGallery
        return $true
    }
    catch {
        Write-Warning "$Name $MinimumVersion or later is not installed and could not be installed from the PowerShell Gallery: $($_.Exception.Message)"
        return $false
    }
}

function Invoke-BuildTask {
    [CmdletBinding()]
    param()
    Invoke-Dotnet -Arguments @('build', $Solution, '-c', $Configuration, '-nologo')
    Invoke-Dotnet -Arguments @('msbuild', (Join-Path $RepoRoot 'build/AssembleModule.proj'), '-nologo', "-p:Configuration=$Configuration", "-p:ModuleOut=$ModuleOut/")
}

function Invoke-TestTask {
    [CmdletBinding()]
    param()
    $null = New-Item -ItemType Directory -Path $TestResults -Force
    Invoke-Dotnet -Arguments @('test', $Solution, '-c', $Configuration, '--no-build', '--results-directory', $TestResults, '--logger', 'trx')

    if (-not (Get-RequiredModule -Name Pester -MinimumVersion '5.5.0')) {
        Write-Warning 'Pester tests skipped: Pester 5 is not available.'
        return
    }

    # A fresh process: a binary module cannot be unloaded, so this session must not hold an older build.
    $hostPath = (Get-Process -Id $PID).Path
    $runner = Join-Path $RepoRoot 'build/PesterRunner.ps1'
    & $hostPath -NoProfile -NonInteractive -ExecutionPolicy Bypass -File $runner -TestPath (Join-Path $RepoRoot 'tests') -ResultPath (Join-Path $TestResults 'pester.xml')
    if ($LASTEXITCODE -ne 0) {
        throw "Pester reported $LASTEXITCODE failed test(s); see $(Join-Path $TestResults 'pester.xml')"
    }
}

function Invoke-AnalyzeTask {
    [CmdletBinding()]
    param()
    if (-not (Get-RequiredModule -Name PSScriptAnalyzer -MinimumVersion '1.21.0')) {
        Write-Warning 'Script analysis skipped: PSScriptAnalyzer is not available.'
        return
    }

    Import-Module PSScriptAnalyzer
    $settings = Join-Path $RepoRoot 'PSScriptAnalyzerSettings.psd1'
    $targets = @(
        (Join-Path $RepoRoot 'build.ps1')
        (Join-Path $RepoRoot 'PolicySim.psd1')
    ) + @(Get-ChildItem -Path (Join-Path $RepoRoot 'build'), (Join-Path $RepoRoot 'tests') -Filter '*.ps1' -File | ForEach-Object { $_.FullName })
    $findings = @($targets | ForEach-Object { Invoke-ScriptAnalyzer -Path $_ -Settings $settings })
    $findings | Format-Table -AutoSize | Out-String | Write-Verbose
    if ($findings.Count -gt 0) {
        $findings | ForEach-Object { Write-Warning ('{0}:{1}: {2} {3}' -f $_.ScriptName, $_.Line, $_.RuleName, $_.Message) }
        throw "PSScriptAnalyzer reported $($findings.Count) finding(s)"
    }
}

function Invoke-PackageTask {
    [CmdletBinding()]
    param()
    $manifest = Import-PowerShellDataFile -Path (Join-Path $ModuleOut 'PolicySim.psd1')
    $zip = Join-Path $OutDir ('PolicySim.' + $manifest.ModuleVersion + '.zip')
    Compress-Archive -Path $ModuleOut -DestinationPath $zip -Force
    Write-Verbose "Packaged $zip"
    Get-Item -LiteralPath $zip
}

$tasks = if ($Task -contains 'All') { @('Build', 'Test', 'Analyze', 'Package') } else { $Task }
$built = $false
foreach ($name in $tasks) {
    if ($name -in @('Build', 'Test', 'Package') -and -not $built) {
        Invoke-BuildTask
        $built = $true
    }

    switch ($name) {
        'Test' { Invoke-TestTask }
        'Analyze' { Invoke-AnalyzeTask }
        'Package' { Invoke-PackageTask }
    }
}
