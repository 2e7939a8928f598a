#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Pester 5 tests of Measure-PolicyPerformance on the built module (out/PolicySim). Run them in a fresh process
# (build.ps1 -Task Test does). Only shapes and counts are asserted: timings vary by machine and never gate a test.
# examples/events/audit.jsonl holds 36 events, all decidable (policysim simulate ... => total=36).

BeforeAll {
    $manifestPath = Join-Path $PSScriptRoot '../out/PolicySim/PolicySim.psd1'
    Import-Module $manifestPath -Force
    Set-StrictMode -Version Latest
    $ErrorActionPreference = 'Stop'
    $repoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '..')).ProviderPath
    $examples = Join-Path $repoRoot 'examples'
    $auditLog = Join-Path $examples 'events/audit.jsonl'
    $candidatePath = Join-Path $examples 'policies/candidate.yaml'
}

Describe 'Measure-PolicyPerformance' {
    It 'measures every event of a file under a built-in ruleset' {
        $result = Measure-PolicyPerformance -Policy default -Path $auditLog -Warmup 0
        $result.GetType().FullName | Should -Be 'PolicySim.Evaluation.PolicyBenchmarkResult'
        $result.Events.Count | Should -Be 36
        $result.Errors | Should -Be 0
        $result.EventsPerSecond | Should -BeGreaterThan 0
        $result.Events.P50 | Should -BeLessOrEqual $result.Events.P99
        $result.Events.P99 | Should -BeLessOrEqual $result.Events.Max
        @($result.Guards).Count | Should -BeGreaterThan 0
    }

    It 'reports at most -Slowest events, slowest first, each with a reason' {
        $result = Measure-PolicyPerformance -Policy $candidatePath -Path $auditLog -Slowest 3 -Warmup 0
        @($result.Slowest).Count | Should -Be 3
        $result.Slowest[0].Micros | Should -BeGreaterOrEqual $result.Slowest[2].Micros
        $result.Slowest[0].Why | Should -Not -BeNullOrEmpty
        $result.Slowest[0].PSObject.Properties.Name | Should -Contain 'OutsidePolicy'
        $result.Slowest[0].Collections | Should -BeGreaterOrEqual 0
        Get-FormatData -TypeName 'PolicySim.Evaluation.SlowEvent' | Should -Not -BeNullOrEmpty
    }

    It 'expands wildcards and takes files from Get-ChildItem' {
        $byWildcard = Measure-PolicyPerformance -Policy strict -Path (Join-Path $examples 'events/audit.json*') -Warmup 0
        $byWildcard.Events.Count | Should -Be 36
        $byPipeline = Get-Item -LiteralPath $auditLog | Measure-PolicyPerformance -Policy strict -Warmup 0
        $byPipeline.Events.Count | Should -Be 36
    }

    It 'writes a non-terminating error for a missing file' {
        $result = Measure-PolicyPerformance -Policy default -Path (Join-Path $examples 'events/missing-*.jsonl') -ErrorAction SilentlyContinue -ErrorVariable errors
        $result | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'PolicySim.Replay.PathNotFound*'
    }

    It 'has a table view and help with examples' {
        Get-FormatData -TypeName 'PolicySim.Evaluation.PolicyBenchmarkResult' | Should -Not -BeNullOrEmpty
        @((Get-Help Measure-PolicyPerformance -Full).Examples.Example).Count | Should -BeGreaterOrEqual 2
    }
}
