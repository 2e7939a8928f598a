#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Pester 5 tests of Assert-PolicyChange and Export-PolicyReport on the built module (out/PolicySim). Run them in a fresh
# process (build.ps1 -Task Test does).
#
# Expected numbers come from the CLI on the same files (same engine):
#   policysim compare examples/policies/current.yaml examples/policies/candidate.yaml examples/events/audit.jsonl --format json
#     => total 36, changed 6: 4 AllowToDeny, 1 AllowToWarn, 1 DenyToAllow (pinned by ReplayReportBuilderTests, PolicyGateTests)
#
# The CI variables of the run itself (TF_BUILD, GITHUB_ACTIONS, GITHUB_STEP_SUMMARY) are removed before every test and
# restored after it, so that these tests never annotate (or fail) the pipeline that runs them; the tests that set
# TF_BUILD capture the host output with 6>&1, so no ##vso line reaches the real stdout.

BeforeAll {
    $manifestPath = Join-Path $PSScriptRoot '../out/PolicySim/PolicySim.psd1'
    Import-Module $manifestPath -Force
    Set-StrictMode -Version Latest
    $ErrorActionPreference = 'Stop'
    $repoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '..')).ProviderPath
    $examples = Join-Path $repoRoot 'examples'
    $candidatePath = Join-Path $examples 'policies/candidate.yaml'
    $currentPath = Join-Path $examples 'policies/current.yaml'
    $auditLog = Join-Path $examples 'events/audit.jsonl'
    $candidate = Import-PolicyDefinition -Path $candidatePath
    $current = Import-PolicyDefinition -Path $currentPath
    $assertId = 'PolicySim.PowerShell.Commands.AssertPolicyChangeCommand'
    $exportId = 'PolicySim.PowerShell.Commands.ExportPolicyReportCommand'
    $ciVariables = @('TF_BUILD', 'GITHUB_ACTIONS', 'GITHUB_STEP_SUMMARY')

    # 4 AllowToDeny, 1 AllowToWarn, 1 DenyToAllow of 36 events; the summary carries both policies.
    $summary = Compare-PolicyDecision $current $candidate -Path $auditLog -Summary
    $results = @(Compare-PolicyDecision $current $candidate -Path $auditLog -IncludeEqual)
    $unchanged = Compare-PolicyDecision $current $current -Path $auditLog -Summary

    # Runs a script block and returns its host output (Write-Host, PSHOST-tagged information records, captured with
    # 6>&1) as strings in Lines, and the error it threw, if any, in Error.
    function Get-HostLine {
        param([scriptblock] $ScriptBlock)
        $lines = [System.Collections.Generic.List[string]]::new()
        $thrown = $null
        try {
            & $ScriptBlock 6>&1 | ForEach-Object {
                if ($_ -is [System.Management.Automation.InformationRecord]) { $lines.Add([string]$_.MessageData) }
            }
        }
        catch {
            $thrown = $_
        }
        [pscustomobject]@{ Lines = $lines.ToArray(); Error = $thrown }
    }
}

Describe 'Assert-PolicyChange' {
    BeforeEach {
        $savedCi = @{}
        foreach ($name in $ciVariables) {
            $savedCi[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $null)
        }
    }

    AfterEach {
        foreach ($name in $ciVariables) {
            [Environment]::SetEnvironmentVariable($name, $savedCi[$name])
        }
    }

    It 'passes silently when no flip of a gated kind occurred' {
        $out = @($summary | Assert-PolicyChange -FailOn WarnToDeny, ToUnknown -CiStyle Plain -WarningAction SilentlyContinue)
        $out.Count | Should -Be 0
    }

    It 'emits the GateResult with -PassThru when the gate passes' {
        $result = $summary | Assert-PolicyChange -MaxChanges 6 -CiStyle Plain -PassThru
        $result.GetType().FullName | Should -Be 'PolicySim.Reports.GateResult'
        $result.Passed | Should -BeTrue
        @($result.Reasons).Count | Should -Be 0
    }

    It 'fails with PolicySim.Gate.Failed when <Name>' -ForEach @(
        @{ Name = 'a DenyToAllow flip occurred (-FailOn widening)'; Arguments = @{ FailOn = 'widening' }; Reason = '1 DenyToAllow flip (fail on DenyToAllow)' }
        @{ Name = 'AllowToDeny flips occurred (-FailOn breaking)'; Arguments = @{ FailOn = 'breaking' }; Reason = '4 AllowToDeny flips (fail on AllowToDeny)' }
        @{ Name = 'more than 5 outcomes changed'; Arguments = @{ MaxChanges = 5 }; Reason = '6 outcome changes exceed the maximum of 5' }
        @{ Name = 'the change rate is above 10% (-MaxChangeRate 10%)'; Arguments = @{ MaxChangeRate = '10%' }; Reason = '6 of 36 events changed outcome (16.67%), above the maximum of 10%' }
        @{ Name = 'the change rate is above 0.05'; Arguments = @{ MaxChangeRate = 0.05 }; Reason = '6 of 36 events changed outcome (16.67%), above the maximum of 5%' }
        @{ Name = 'no option is given (any outcome change)'; Arguments = @{}; Reason = '4 AllowToDeny flips (fail on AllowToDeny)' }
    ) {
        { $summary | Assert-PolicyChange @Arguments -CiStyle Plain } | Should -Throw -ErrorId "PolicySim.Gate.Failed,$assertId"
        $caught = $null
        try { $summary | Assert-PolicyChange @Arguments -CiStyle Plain } catch { $caught = $_ }
        $caught.Exception.Result.Reasons | Should -Contain $Reason
    }

    It 'throws PolicySim.PowerShell.PolicyGateFailedException, catchable by type, with the GateResult as target' {
        $caught = $null
        try {
            $summary | Assert-PolicyChange -FailOn widening -CiStyle Plain
        }
        catch [PolicySim.PowerShell.PolicyGateFailedException] {
            $caught = $_
        }

        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -Be "PolicySim.Gate.Failed,$assertId"
        $caught.CategoryInfo.Category | Should -Be 'InvalidResult'
        $caught.Exception.GetType().FullName | Should -Be 'PolicySim.PowerShell.PolicyGateFailedException'
        $caught.Exception.GetType().BaseType.FullName | Should -Be 'PolicySim.PolicyGateFailedException'
        $caught.Exception.Result.Passed | Should -BeFalse
        $caught.TargetObject.GetType().FullName | Should -Be 'PolicySim.Reports.GateResult'
        $caught.Exception.Message | Should -Be 'Gate failed: 1 DenyToAllow flip (fail on DenyToAllow)'
    }

    It 'is not caught by a handler for other exceptions' {
        $which = $null
        try {
            $summary | Assert-PolicyChange -FailOn widening -CiStyle Plain
        }
        catch [System.IO.IOException] {
            $which = 'io'
        }
        catch {
            $which = $_.Exception.GetType().Name
        }

        $which | Should -Be 'PolicyGateFailedException'
    }

    It 'aggregates ReplayResult objects into a summary' {
        { $results | Assert-PolicyChange -FailOn widening -CiStyle Plain } | Should -Throw -ErrorId "PolicySim.Gate.Failed,$assertId"
        $result = $results | Assert-PolicyChange -MaxChangeRate '20%' -CiStyle Plain -PassThru
        $result.Passed | Should -BeTrue
        # All 36 results were piped (-IncludeEqual), so 6 changes are 16.67% and a 15% limit fails.
        { $results | Assert-PolicyChange -MaxChangeRate 15 -CiStyle Plain } | Should -Throw -ErrorId "PolicySim.Gate.Failed,$assertId"
    }

    It 'warns that a rate over piped flips only is not a rate over all events' {
        $flips = @($results | Where-Object Flip -ne 'None')
        $null = $flips | Assert-PolicyChange -MaxChangeRate 1 -CiStyle Plain -PassThru -WarningVariable warnings -WarningAction SilentlyContinue
        @($warnings | Where-Object { "$_" -like '*-IncludeEqual*' }).Count | Should -Be 1
    }

    It 'passes on a comparison without changes and on empty input' {
        ($unchanged | Assert-PolicyChange -FailOn any -MaxChanges 0 -CiStyle Plain -PassThru).Passed | Should -BeTrue
        (@() | Assert-PolicyChange -CiStyle Plain -PassThru).Passed | Should -BeTrue
    }

    It 'merges several summaries' {
        { $unchanged, $unchanged | Assert-PolicyChange -MaxChanges 0 -CiStyle Plain } | Should -Not -Throw
        { $unchanged, $summary | Assert-PolicyChange -MaxChanges 0 -CiStyle Plain } | Should -Throw -ErrorId "PolicySim.Gate.Failed,$assertId"
    }

    It 'throws <ErrorId> for <Name>' -ForEach @(
        @{ Name = 'an unknown -FailOn word'; Arguments = @{ FailOn = 'AllowToMaybe' }; ErrorId = 'PolicySim.Gate.InvalidFailOn' }
        @{ Name = 'an unknown word in a comma list'; Arguments = @{ FailOn = 'widening,sideways' }; ErrorId = 'PolicySim.Gate.InvalidFailOn' }
        @{ Name = 'a rate that is not a number'; Arguments = @{ MaxChangeRate = 'lots' }; ErrorId = 'PolicySim.Gate.InvalidChangeRate' }
        @{ Name = 'a rate above 100%'; Arguments = @{ MaxChangeRate = '150%' }; ErrorId = 'PolicySim.Gate.InvalidChangeRate' }
    ) {
        { $summary | Assert-PolicyChange @Arguments -CiStyle Plain } | Should -Throw -ErrorId "$ErrorId,$assertId"
    }

    It 'rejects a negative -MaxChanges at binding' {
        { $summary | Assert-PolicyChange -MaxChanges -1 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,PolicySim.PowerShell.Commands.AssertPolicyChangeCommand'
    }

    It 'writes PolicySim.Report.UnsupportedInput for other objects' {
        $null = 'not a summary', $summary | Assert-PolicyChange -MaxChanges 10 -CiStyle Plain -PassThru -ErrorAction SilentlyContinue -ErrorVariable gateErrors
        @($gateErrors).Count | Should -Be 1
        $gateErrors[0].FullyQualifiedErrorId | Should -Be "PolicySim.Report.UnsupportedInput,$assertId"
        $gateErrors[0].TargetObject | Should -Be 'not a summary'
    }

    It 'writes ##vso logging commands as host output when TF_BUILD is True' {
        $env:TF_BUILD = 'True'
        $run = Get-HostLine { $summary | Assert-PolicyChange -FailOn widening }
        $run.Error.FullyQualifiedErrorId | Should -Be "PolicySim.Gate.Failed,$assertId"
        $lines = $run.Lines
        @($lines | Where-Object { $_ -like '##vso`[task.logissue type=error;*code=DenyToAllow`]*' }).Count | Should -Be 1
        @($lines | Where-Object { $_ -like '##vso`[task.logissue type=error;code=GateFailed`]Gate failed: 1 DenyToAllow flip*' }).Count | Should -Be 1
        $lines[-1] | Should -BeLike '##vso`[task.complete result=Failed;`]*'
        @($lines | Where-Object { $_ -notlike '##vso`[*' }).Count | Should -Be 0
    }

    It 'locates the responsible rule in the annotation' {
        $env:TF_BUILD = 'True'
        $lines = (Get-HostLine { $summary | Assert-PolicyChange -FailOn widening }).Lines
        $widening = @($lines | Where-Object { $_ -like '*code=DenyToAllow*' })
        $widening[0] | Should -Match 'sourcepath=[^;]*candidate\.yaml;linenumber=\d+'
    }

    It 'reports SucceededWithIssues when only ungated flips were annotated' {
        $env:TF_BUILD = 'True'
        $run = Get-HostLine { $summary | Assert-PolicyChange -FailOn WarnToDeny -PassThru }
        $run.Error | Should -BeNullOrEmpty
        $lines = $run.Lines
        # The widening group is annotated as a warning although it is not gated.
        @($lines | Where-Object { $_ -like '##vso`[task.logissue type=warning;*code=DenyToAllow`]*' }).Count | Should -Be 1
        $lines[-1] | Should -BeLike '##vso`[task.complete result=SucceededWithIssues;`]*'
    }

    It 'writes GitHub workflow commands and appends the step summary in GitHub Actions' {
        $env:GITHUB_ACTIONS = 'true'
        $stepSummary = Join-Path $TestDrive 'step-summary.md'
        $env:GITHUB_STEP_SUMMARY = $stepSummary
        $run = Get-HostLine { $summary | Assert-PolicyChange -FailOn widening }
        $run.Error.FullyQualifiedErrorId | Should -Be "PolicySim.Gate.Failed,$assertId"
        $lines = $run.Lines
        @($lines | Where-Object { $_ -like '::error *title=PolicySim DenyToAllow::*' }).Count | Should -Be 1
        Test-Path -LiteralPath $stepSummary | Should -BeTrue
        (Get-Content -LiteralPath $stepSummary -Raw) | Should -Match 'candidate\.yaml'
    }

    It 'forces a style with -CiStyle and writes nothing to the host in Plain style' {
        $azure = (Get-HostLine { $unchanged | Assert-PolicyChange -CiStyle AzurePipelines -PassThru }).Lines
        @($azure).Count | Should -Be 1
        $azure[0] | Should -BeExactly '##vso[task.complete result=Succeeded;]Gate passed'
        $plain = Get-HostLine { $summary | Assert-PolicyChange -FailOn WarnToDeny -CiStyle Plain -WarningAction SilentlyContinue -PassThru }
        $plain.Error | Should -BeNullOrEmpty
        @($plain.Lines).Count | Should -Be 0
    }

    It 'warns in Plain style about widening groups that are not gated' {
        $null = $summary | Assert-PolicyChange -FailOn WarnToDeny -CiStyle Plain -PassThru -WarningVariable gateWarnings -WarningAction SilentlyContinue
        @($gateWarnings | Where-Object { "$_" -like '*DenyToAllow*' }).Count | Should -Be 1
    }

    It 'completes -FailOn with the words and flip kinds' {
        $words = (TabExpansion2 -inputScript 'Assert-PolicyChange -FailOn wid' -cursorColumn 31).CompletionMatches.CompletionText
        $words | Should -Contain 'widening'
        $kinds = (TabExpansion2 -inputScript 'Assert-PolicyChange -FailOn Allow' -cursorColumn 33).CompletionMatches.CompletionText
        $kinds | Should -Contain 'AllowToDeny'
        $kinds | Should -Contain 'AllowToWarn'
    }
}

Describe 'Export-PolicyReport' {
    BeforeEach {
        $savedCi = @{}
        foreach ($name in $ciVariables) {
            $savedCi[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $null)
        }
    }

    AfterEach {
        foreach ($name in $ciVariables) {
            [Environment]::SetEnvironmentVariable($name, $savedCi[$name])
        }
    }

    It 'writes the report text to the pipeline without -Path' {
        $text = $summary | Export-PolicyReport -Format Markdown
        @($text).Count | Should -Be 1
        $text | Should -BeOfType [string]
        $text | Should -Match 'candidate\.yaml'
        $text | Should -Match 'DenyToAllow'
    }

    It 'writes Text by default' {
        $text = $summary | Export-PolicyReport
        $text | Should -Match '^Policy compare: .*current\.yaml -> .*candidate\.yaml'
    }

    It 'writes a non-empty <Format> file' -ForEach @(
        @{ Format = 'Json'; Pattern = '"policysim.replay/1"' }
        @{ Format = 'Markdown'; Pattern = 'DenyToAllow' }
        @{ Format = 'JUnit'; Pattern = '<testsuites' }
        @{ Format = 'NUnit3'; Pattern = '<test-run' }
        @{ Format = 'Sarif'; Pattern = '"version": ?"2.1.0"' }
        @{ Format = 'Html'; Pattern = '<html' }
        @{ Format = 'Text'; Pattern = 'Policy compare' }
    ) {
        $file = Join-Path $TestDrive "report-$Format.out"
        $summary | Export-PolicyReport -Path $file -Format $Format
        (Get-Item -LiteralPath $file).Length | Should -BeGreaterThan 0
        Get-Content -LiteralPath $file -Raw | Should -Match $Pattern
    }

    It 'writes UTF-8 without a byte order mark' {
        $file = Join-Path $TestDrive 'bom.md'
        $summary | Export-PolicyReport -Path $file -Format Markdown
        $bytes = [System.IO.File]::ReadAllBytes($file)
        $bytes[0] | Should -Not -Be 0xEF
    }

    It 'takes the format from the file extension' {
        $sarif = Join-Path $TestDrive 'auto.sarif'
        $summary | Export-PolicyReport -Path $sarif
        Get-Content -LiteralPath $sarif -Raw | Should -Match '"2\.1\.0"'
        $json = Join-Path $TestDrive 'auto.json'
        $summary | Export-PolicyReport -Path $json
        (Get-Content -LiteralPath $json -Raw | ConvertFrom-Json).schema | Should -Be 'policysim.replay/1'
    }

    It 'asks for -Format for an .xml file' {
        { $summary | Export-PolicyReport -Path (Join-Path $TestDrive 'r.xml') } | Should -Throw -ErrorId "PolicySim.Report.UnknownFormat,$exportId"
    }

    It 'writes nothing with -WhatIf' {
        $file = Join-Path $TestDrive 'whatif.json'
        $out = @($summary | Export-PolicyReport -Path $file -Format Json -WhatIf -PassThru)
        $out.Count | Should -Be 0
        Test-Path -LiteralPath $file | Should -BeFalse
    }

    It 'returns the file with -PassThru' {
        $file = Join-Path $TestDrive 'passthru.html'
        $item = $summary | Export-PolicyReport -Path $file -Format Html -PassThru
        $item | Should -BeOfType [System.IO.FileInfo]
        $item.FullName | Should -Be (Get-Item -LiteralPath $file).FullName
        $item.Length | Should -BeGreaterThan 0
    }

    It 'resolves a relative -Path against the current location' {
        Push-Location -LiteralPath $TestDrive
        try {
            $item = $summary | Export-PolicyReport -Path 'relative.md' -PassThru
            $item.FullName | Should -Be (Join-Path (Get-Location).ProviderPath 'relative.md')
        }
        finally {
            Pop-Location
        }
    }

    It 'keeps an existing file with -NoClobber and creates a folder with -Force' {
        $file = Join-Path $TestDrive 'keep.txt'
        Set-Content -LiteralPath $file -Value 'keep'
        { $summary | Export-PolicyReport -Path $file -NoClobber } | Should -Throw -ErrorId "PolicySim.Report.FileExists,$exportId"
        (Get-Content -LiteralPath $file) | Should -Be 'keep'
        $nested = Join-Path $TestDrive 'new/folder/report.md'
        { $summary | Export-PolicyReport -Path $nested } | Should -Throw -ErrorId "PolicySim.Report.WriteFailed,$exportId"
        $summary | Export-PolicyReport -Path $nested -Force
        Test-Path -LiteralPath $nested | Should -BeTrue
    }

    It 'marks gated groups as failures in JUnit' {
        $file = Join-Path $TestDrive 'gated.junit.xml'
        $summary | Export-PolicyReport -Path $file -Format JUnit -FailOn widening
        [xml] $xml = Get-Content -LiteralPath $file -Raw
        @($xml.SelectNodes('//testcase[failure]')).Count | Should -Be 1
        $file2 = Join-Path $TestDrive 'default.junit.xml'
        $summary | Export-PolicyReport -Path $file2 -Format JUnit
        [xml] $xml2 = Get-Content -LiteralPath $file2 -Raw
        @($xml2.SelectNodes('//testcase[failure]')).Count | Should -BeGreaterThan 1
    }

    It 'reports piped ReplayResult objects with the flips in JSON' {
        $json = $results | Export-PolicyReport -Format Json -ReferencePolicy $current -DifferencePolicy $candidate | ConvertFrom-Json
        $json.summary.total | Should -Be 36
        @($json.flips).Count | Should -Be 6
    }

    It 'names a replay against recorded decisions when only the candidate is known' {
        # ReplayResult objects carry no policies; with only -DifferencePolicy the baseline is the recorded decisions.
        $text = $results | Export-PolicyReport -DifferencePolicy $candidate
        $text | Should -Match '^Policy replay: .*candidate\.yaml vs recorded'
        $named = $results | Export-PolicyReport -ReferencePolicy $current -DifferencePolicy $candidate
        $named | Should -Match '^Policy compare: .*current\.yaml -> .*candidate\.yaml'
    }

    It 'throws PolicySim.Gate.InvalidFailOn for an unknown -FailOn word' {
        { $summary | Export-PolicyReport -FailOn nope } | Should -Throw -ErrorId "PolicySim.Gate.InvalidFailOn,$exportId"
    }

    It 'writes PolicySim.Report.UnsupportedInput for other objects' {
        $null = 42, $summary | Export-PolicyReport -ErrorAction SilentlyContinue -ErrorVariable reportErrors
        $reportErrors[0].FullyQualifiedErrorId | Should -Be "PolicySim.Report.UnsupportedInput,$exportId"
    }
}

Describe 'Module surface for reports and gates' {
    BeforeEach {
        $savedCi = @{}
        foreach ($name in $ciVariables) {
            $savedCi[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $null)
        }
    }

    AfterEach {
        foreach ($name in $ciVariables) {
            [Environment]::SetEnvironmentVariable($name, $savedCi[$name])
        }
    }

    It 'exports Assert-PolicyChange and Export-PolicyReport' {
        $names = (Get-Module PolicySim).ExportedCmdlets.Keys
        $names | Should -Contain 'Assert-PolicyChange'
        $names | Should -Contain 'Export-PolicyReport'
    }

    It 'has full help with examples for <_>' -ForEach @('Assert-PolicyChange', 'Export-PolicyReport') {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
    }

    It 'supports -WhatIf on Export-PolicyReport only' {
        (Get-Command Export-PolicyReport).Parameters.ContainsKey('WhatIf') | Should -BeTrue
        (Get-Command Assert-PolicyChange).Parameters.ContainsKey('WhatIf') | Should -BeFalse
    }

    It 'formats a GateResult as a table without errors' {
        $result = $unchanged | Assert-PolicyChange -CiStyle Plain -PassThru
        $text = $result | Format-Table | Out-String
        $text | Should -Match 'Passed'
        $text | Should -Match 'True'
    }
}
