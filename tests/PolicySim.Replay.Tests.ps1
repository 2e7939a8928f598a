#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Pester 5 tests of Invoke-PolicyReplay, Compare-PolicyDecision, Compare-Policy and Measure-PolicyDecision on the built
# module (out/PolicySim). Run them in a fresh process (build.ps1 -Task Test does).
#
# Expected numbers come from the CLI on the same files (same engine), e.g.
#   policysim replay examples/policies/candidate.yaml examples/events/audit.jsonl --baseline-policy examples/policies/current.yaml --format json --summary
#     => total 36, changed 6, widening 1, breaking 5, flips.AllowToDeny 4
#   the same with examples/events/audit.pretty.json => total 8, flips.AllowToDeny 1
#   policysim compare examples/policies/current.yaml examples/policies/candidate.yaml examples/events/audit.jsonl --format json
#     => 6 flips in 6 groups, the first DenyToAllow
#   policysim diff examples/policies/current.yaml examples/policies/candidate.yaml --json / --rules
#     => 12 changes; Rules: 10 added, 1 removed
#   policysim simulate examples/policies/candidate.yaml examples/events/audit.jsonl --jsonl
#     => allowed 17, warn 3, blocked 16
# and are pinned by the xunit tests (ReplaySessionTests, DecisionStatisticsTests, RuleChangeTests).

BeforeDiscovery {
    $newOutputTypes = @(
        'PolicySim.Replay.ReplayResult'
        'PolicySim.Replay.ReplaySummary'
        'PolicySim.Replay.FlipGroup'
        'PolicySim.Replay.DecisionStatistics'
        'PolicySim.Policies.Diff.PolicyChange'
        'PolicySim.Policies.Diff.RuleChange'
    )
    $newCmdlets = @('Invoke-PolicyReplay', 'Compare-PolicyDecision', 'Compare-Policy', 'Measure-PolicyDecision')
}

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
    $prettyLog = Join-Path $examples 'events/audit.pretty.json'
    $candidate = Import-PolicyDefinition -Path $candidatePath
    $current = Import-PolicyDefinition -Path $currentPath
    $replayId = 'PolicySim.PowerShell.Commands.InvokePolicyReplayCommand'
    $compareId = 'PolicySim.PowerShell.Commands.ComparePolicyDecisionCommand'
}

Describe 'Invoke-PolicyReplay' {
    It 'finds the AllowToDeny flips of an audit log piped line by line (as many as the CLI)' {
        $flips = @(Get-Content -LiteralPath $auditLog | Invoke-PolicyReplay -Policy $candidatePath -BaselinePolicy $currentPath | Where-Object Flip -eq 'AllowToDeny')
        # CLI: policysim replay candidate.yaml audit.jsonl --baseline-policy current.yaml => flips.AllowToDeny = 4
        $flips.Count | Should -Be 4
        $flips[0].GetType().FullName | Should -Be 'PolicySim.Replay.ReplayResult'
        $flips[0].Flip.GetType().FullName | Should -Be 'PolicySim.Replay.FlipKind'
        $flips[0].BaselineOutcome | Should -Be 'Allowed'
        $flips[0].CandidateOutcome | Should -Be 'Denied'
        $flips[0].Source | Should -Be 'pipeline'
    }

    It 'emits one result per record, in input order, with physical line numbers' {
        $results = @(Get-Content -LiteralPath $auditLog | Invoke-PolicyReplay -Policy $candidate -BaselinePolicy $current)
        $results.Count | Should -Be 36
        $results[0].EventId | Should -Be 'evt-0001'
        $results[0].Line | Should -Be 1
        $results[35].Line | Should -Be 36
        @($results | Where-Object Flip -ne 'None').Count | Should -Be 6
        @($results | Group-Object Flip | Where-Object Name -eq 'None' | ForEach-Object Count) | Should -Be 30
    }

    It 'reads a pretty-printed JSON array piped line by line' {
        $expectedIds = @((Get-Content -LiteralPath $prettyLog -Raw | ConvertFrom-Json) | ForEach-Object { $_.eventId })
        $results = @(Get-Content -LiteralPath $prettyLog | Invoke-PolicyReplay -Policy $candidate -BaselinePolicy $current)
        # CLI on audit.pretty.json: total 8, flips.AllowToDeny 1
        $results.Count | Should -Be 8
        @($results | ForEach-Object EventId) | Should -Be $expectedIds
        @($results | Where-Object Flip -eq 'AllowToDeny').Count | Should -Be 1
    }

    It 'reads a whole document from Get-Content -Raw (<Name>)' -ForEach @(
        @{ Name = 'pretty JSON array'; File = 'events/audit.pretty.json'; Count = 8 }
        @{ Name = 'JSONL'; File = 'events/audit.jsonl'; Count = 36 }
    ) {
        $path = Join-Path $examples $File
        $raw = @(Get-Content -LiteralPath $path -Raw | Invoke-PolicyReplay -Policy $candidate -BaselinePolicy $current)
        $byLine = @(Get-Content -LiteralPath $path | Invoke-PolicyReplay -Policy $candidate -BaselinePolicy $current)
        $raw.Count | Should -Be $Count
        @($raw | ForEach-Object { '{0} {1} {2}' -f $_.EventId, $_.Flip, $_.Line }) | Should -Be @($byLine | ForEach-Object { '{0} {1} {2}' -f $_.EventId, $_.Flip, $_.Line })
    }

    It 'gives the same results for -Path, -LiteralPath, Get-ChildItem and the pipeline' {
        $fromPipeline = @(Get-Content -LiteralPath $auditLog | Invoke-PolicyReplay -Policy $candidate -BaselinePolicy $current | ForEach-Object { "$($_.EventId) $($_.Flip)" })
        $fromPath = @(Invoke-PolicyReplay -Policy $candidate -Path (Join-Path $examples 'events/audit.js*') -BaselinePolicy $current | ForEach-Object { "$($_.EventId) $($_.Flip)" })
        $fromLiteral = @(Invoke-PolicyReplay $candidate -LiteralPath $auditLog -BaselinePolicy $current | ForEach-Object { "$($_.EventId) $($_.Flip)" })
        $fromFiles = @(Get-ChildItem -LiteralPath (Join-Path $examples 'events') -Filter 'audit.jsonl' | Invoke-PolicyReplay -Policy $candidate -BaselinePolicy $current | ForEach-Object { "$($_.EventId) $($_.Flip)" })
        $fromPath | Should -Be $fromPipeline
        $fromLiteral | Should -Be $fromPipeline
        $fromFiles | Should -Be $fromPipeline
    }

    It 'resolves a relative -Path against the current location and names the file in results' {
        Push-Location -LiteralPath (Join-Path $examples 'events')
        try {
            $results = @(Invoke-PolicyReplay -Policy $candidate -Path 'audit.jsonl' -BaselinePolicy $current)
            $results.Count | Should -Be 36
            $results[0].Source | Should -Be (Join-Path (Get-Location).ProviderPath 'audit.jsonl')
        }
        finally {
            Pop-Location
        }
    }

    It 'replays objects from ConvertFrom-Json and hashtables' {
        $objects = Get-Content -LiteralPath $prettyLog -Raw | ConvertFrom-Json
        $results = @($objects | Invoke-PolicyReplay -Policy $candidate -BaselinePolicy $current)
        $results.Count | Should -Be 8
        @($results | Where-Object Flip -eq 'AllowToDeny').Count | Should -Be 1

        $record = @{ eventId = 'h-1'; eventType = 'network_egress'; timestamp = '2026-11-02T09:00:00Z'; outcome = 'allowed'; data = @{ type = 'network'; host = 'paste.example'; port = 443 } }
        $result = $record | Invoke-PolicyReplay -Policy $candidate
        $result.EventId | Should -Be 'h-1'
        $result.Flip | Should -Be 'AllowToDeny'
    }

    It 'emits only flips with -FlipsOnly' {
        $flips = @(Invoke-PolicyReplay -Policy $candidate -Path $auditLog -BaselinePolicy $current -FlipsOnly)
        $flips.Count | Should -Be 6
        @($flips | Where-Object Flip -eq 'None').Count | Should -Be 0
    }

    It 'emits only an attributed summary with -Summary' {
        $summary = @(Get-Content -LiteralPath $auditLog | Invoke-PolicyReplay -Policy $candidate -BaselinePolicy $current -Summary)
        $summary.Count | Should -Be 1
        $summary[0].GetType().FullName | Should -Be 'PolicySim.Replay.ReplaySummary'
        $summary[0].Total | Should -Be 36
        $summary[0].Changed | Should -Be 6
        $summary[0].Widening | Should -Be 1
        $summary[0].Breaking | Should -Be 5
        $summary[0].Errors | Should -Be 0
        $summary[0].GroupCount | Should -Be 6
        $summary[0].Groups[0].Kind | Should -Be 'DenyToAllow'
        @($summary[0].Groups[0].Causes).Count | Should -BeGreaterThan 0
    }

    It 'filters by time window and event type' {
        @(Invoke-PolicyReplay -Policy $candidate -Path $auditLog -BaselinePolicy $current -Since '2026-11-02T09:00:10Z' -Until '2026-11-02T09:00:20Z').Count | Should -Be 10
        $reads = @(Invoke-PolicyReplay -Policy $candidate -Path $auditLog -BaselinePolicy $current -EventType 'file_read')
        $reads.Count | Should -Be 10
        @($reads | Where-Object EventType -ne 'file_read').Count | Should -Be 0
        $summary = Invoke-PolicyReplay -Policy $candidate -Path $auditLog -BaselinePolicy $current -EventType 'file_read' -Summary
        $summary.FilteredOut | Should -Be 26
    }

    It 'samples the same events on every run for one seed' {
        $first = @(Invoke-PolicyReplay -Policy $candidate -Path $auditLog -BaselinePolicy $current -SampleRate 0.5 -Seed 7 | ForEach-Object EventId)
        $second = @(Get-Content -LiteralPath $auditLog | Invoke-PolicyReplay -Policy $candidate -BaselinePolicy $current -SampleRate 0.5 -Seed 7 | ForEach-Object EventId)
        $second | Should -Be $first
        $first.Count | Should -BeLessThan 36
        $summary = Invoke-PolicyReplay -Policy $candidate -Path $auditLog -BaselinePolicy $current -SampleRate 0.5 -Seed 7 -Summary
        ($summary.Total + $summary.SampledOut) | Should -Be 36
        @(Invoke-PolicyReplay -Policy $candidate -Path $auditLog -BaselinePolicy $current -SampleRate 0).Count | Should -Be 0
    }

    It 'writes PolicySim.Replay.MissingOutcome per record without a baseline, naming source and line' {
        $results = @(Get-Content -LiteralPath $auditLog -TotalCount 3 | Invoke-PolicyReplay -Policy $candidate -ErrorAction SilentlyContinue -ErrorVariable replayErrors)
        $results.Count | Should -Be 0
        $replayErrors.Count | Should -Be 3
        $replayErrors[0].FullyQualifiedErrorId | Should -Be "PolicySim.Replay.MissingOutcome,$replayId"
        $replayErrors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $replayErrors[0].ToString() | Should -BeLike 'pipeline:1: *evt-0001*'
        $replayErrors[0].TargetObject | Should -Match '"evt-0001"'
    }

    It 'writes PolicySim.Replay.InvalidJson for a malformed line with the line as target and goes on' {
        $lines = @(Get-Content -LiteralPath $auditLog)
        $bad = '{"eventId": "broken", '
        $withBadLine = @($lines[0], $bad) + $lines[1..35]
        $results = @($withBadLine | Invoke-PolicyReplay -Policy $candidate -BaselinePolicy $current -ErrorAction SilentlyContinue -ErrorVariable replayErrors)
        $results.Count | Should -Be 36
        $replayErrors.Count | Should -Be 1
        $replayErrors[0].FullyQualifiedErrorId | Should -Be "PolicySim.Replay.InvalidJson,$replayId"
        $replayErrors[0].TargetObject | Should -Be $bad
        $replayErrors[0].ToString() | Should -BeLike 'pipeline:2: *'
    }

    It 'replays a file with -Path on every core: order, bad lines and counts as from the pipeline' {
        $lines = @(Get-Content -LiteralPath $auditLog)
        $bad = '{"eventId": "broken", '
        $file = Join-Path $TestDrive 'with-bad-line.jsonl'
        Set-Content -LiteralPath $file -Value (@($lines[0], $bad) + $lines[1..35]) -Encoding Ascii
        $fromPath = @(Invoke-PolicyReplay -Policy $candidate -Path $file -BaselinePolicy $current -ErrorAction SilentlyContinue -ErrorVariable pathErrors)
        $fromPipeline = @(Get-Content -LiteralPath $file | Invoke-PolicyReplay -Policy $candidate -BaselinePolicy $current -ErrorAction SilentlyContinue)
        $fromPath.Count | Should -Be 36
        @($fromPath | ForEach-Object { "$($_.EventId) $($_.Flip) $($_.Line)" }) | Should -Be @($fromPipeline | ForEach-Object { "$($_.EventId) $($_.Flip) $($_.Line)" })
        $pathErrors.Count | Should -Be 1
        $pathErrors[0].FullyQualifiedErrorId | Should -Be "PolicySim.Replay.InvalidJson,$replayId"
        $pathErrors[0].ToString() | Should -BeLike "*with-bad-line.jsonl:2: *"
        $pathErrors[0].TargetObject | Should -Be $bad
    }

    It 'reports an unclosed array at the end of the pipeline' {
        $text = @('[', '  {"eventId": "a", "eventType": "file_read", "timestamp": "2026-11-02T09:00:00Z", "outcome": "allowed", "data": {"type": "file", "path": "/workspace/a"}},')
        $results = @($text | Invoke-PolicyReplay -Policy $candidate -ErrorAction SilentlyContinue -ErrorVariable replayErrors)
        $results.Count | Should -Be 1
        $replayErrors.Count | Should -Be 1
        $replayErrors[0].FullyQualifiedErrorId | Should -Be "PolicySim.Replay.InvalidJson,$replayId"
    }

    It 'stops at the first bad record with -Strict' {
        { '{"eventId": ', (Get-Content -LiteralPath $auditLog -TotalCount 1) | Invoke-PolicyReplay -Policy $candidate -BaselinePolicy $current -Strict } |
            Should -Throw -ErrorId "PolicySim.Replay.InvalidJson,$replayId"
    }

    It 'throws <ErrorId> for unusable arguments: <Name>' -ForEach @(
        @{ Name = '-FlipsOnly with -Summary'; Arguments = @{ FlipsOnly = $true; Summary = $true }; ErrorId = 'PolicySim.Replay.ConflictingSwitches' }
        @{ Name = '-Since not before -Until'; Arguments = @{ Since = '2026-11-03'; Until = '2026-11-02' }; ErrorId = 'PolicySim.Replay.InvalidTimeWindow' }
        @{ Name = 'simulate output without events'; Arguments = @{ Format = 'SimulateOutput' }; ErrorId = 'PolicySim.Replay.UnsupportedFormat' }
        @{ Name = 'sample rate above 1'; Arguments = @{ SampleRate = 1.5 }; ErrorId = 'ParameterArgumentValidationError' }
        @{ Name = 'policy that cannot be loaded'; Arguments = @{ BaselinePolicy = 'no-such-policy.yaml' }; ErrorId = 'ParameterArgumentTransformationError' }
    ) {
        $arguments = $Arguments
        $policy = $candidate
        $path = $auditLog
        { Invoke-PolicyReplay -Policy $policy -Path $path @arguments } | Should -Throw -ErrorId "$ErrorId,$replayId"
    }

    It 'writes PolicySim.Replay.PathNotFound for a path that matches nothing' {
        $results = @(Invoke-PolicyReplay -Policy $candidate -Path (Join-Path $TestDrive 'nothing-*.jsonl') -ErrorAction SilentlyContinue -ErrorVariable replayErrors)
        $results.Count | Should -Be 0
        $replayErrors.Count | Should -Be 1
        $replayErrors[0].FullyQualifiedErrorId | Should -Be "PolicySim.Replay.PathNotFound,$replayId"
    }

    It 'accepts the format as an enum name' {
        $results = @(Invoke-PolicyReplay -Policy $candidate -Path $auditLog -BaselinePolicy $current -Format PolicyEvents)
        $results.Count | Should -Be 36
    }

    It 'completes built-in names for -Policy and -BaselinePolicy' {
        foreach ($line in 'Invoke-PolicyReplay -Policy str', 'Invoke-PolicyReplay -Policy default -BaselinePolicy str') {
            $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
            @($completion.CompletionMatches | ForEach-Object { $_.CompletionText }) | Should -Contain 'strict'
        }
    }
}

Describe 'Compare-PolicyDecision' {
    It 'emits the flips between two policies' {
        $flips = @(Compare-PolicyDecision -ReferencePolicy $current -DifferencePolicy $candidate -Path $auditLog)
        $flips.Count | Should -Be 6
        $flips[0].GetType().FullName | Should -Be 'PolicySim.Replay.ReplayResult'
        @($flips | Where-Object Flip -eq 'None').Count | Should -Be 0
        @($flips | Where-Object Flip -eq 'AllowToDeny').Count | Should -Be 4
    }

    It 'takes positional policies and path, names and paths for policies' {
        @(Compare-PolicyDecision $currentPath $candidatePath $auditLog).Count | Should -Be 6
        @(Compare-PolicyDecision default default $auditLog).Count | Should -Be 0
    }

    It 'emits every result with -IncludeEqual' {
        @(Get-Content -LiteralPath $auditLog | Compare-PolicyDecision $current $candidate -IncludeEqual).Count | Should -Be 36
    }

    It 'reads a pretty-printed array line by line and with -Raw' {
        $byLine = @(Get-Content -LiteralPath $prettyLog | Compare-PolicyDecision $current $candidate -IncludeEqual)
        $raw = @(Get-Content -LiteralPath $prettyLog -Raw | Compare-PolicyDecision $current $candidate -IncludeEqual)
        $byLine.Count | Should -Be 8
        @($raw | ForEach-Object EventId) | Should -Be @($byLine | ForEach-Object EventId)
    }

    It 'emits flip groups with their causes with -GroupBy, widening first' {
        $groups = @(Compare-PolicyDecision $current $candidate -Path $auditLog -GroupBy)
        $groups.Count | Should -Be 6
        $groups[0].GetType().FullName | Should -Be 'PolicySim.Replay.FlipGroup'
        $groups[0].Kind | Should -Be 'DenyToAllow'
        $groups[0].Class | Should -Be 'Widening'
        foreach ($group in $groups) {
            @($group.Causes).Count | Should -BeGreaterThan 0
        }
        ($groups[0].Causes -join ' ') | Should -Match 'docs-cdn'
    }

    It 'emits one attributed summary with -Summary' {
        $summary = Compare-PolicyDecision $current $candidate -Path $auditLog -Summary
        $summary.GetType().FullName | Should -Be 'PolicySim.Replay.ReplaySummary'
        $summary.Total | Should -Be 36
        $summary.Widening | Should -Be 1
        $summary.Breaking | Should -Be 5
        @($summary.Groups | Where-Object { @($_.Causes).Count -eq 0 }).Count | Should -Be 0
    }

    It 'ignores outcomes recorded in the events' {
        $record = '{"eventId":"r1","eventType":"network_egress","timestamp":"2026-11-02T09:00:00Z","outcome":"blocked","data":{"type":"network","host":"api.github.com","port":443}}'
        @($record | Compare-PolicyDecision default default).Count | Should -Be 0
    }

    It 'writes per-event errors and throws with -Strict' {
        $results = @('not json', (Get-Content -LiteralPath $auditLog -TotalCount 1) | Compare-PolicyDecision $current $candidate -IncludeEqual -ErrorAction SilentlyContinue -ErrorVariable compareErrors)
        $results.Count | Should -Be 1
        $compareErrors.Count | Should -Be 1
        $compareErrors[0].FullyQualifiedErrorId | Should -Be "PolicySim.Replay.InvalidJson,$compareId"
        { 'not json' | Compare-PolicyDecision $current $candidate -Strict } | Should -Throw -ErrorId "PolicySim.Replay.InvalidJson,$compareId"
    }

    It 'throws PolicySim.Replay.ConflictingSwitches for -GroupBy with -Summary' {
        { Compare-PolicyDecision $current $candidate -Path $auditLog -GroupBy -Summary } | Should -Throw -ErrorId "PolicySim.Replay.ConflictingSwitches,$compareId"
    }
}

Describe 'Compare-Policy' {
    It 'emits the structural changes between two policies' {
        $changes = @(Compare-Policy -ReferencePolicy $currentPath -DifferencePolicy $candidatePath)
        # CLI: policysim diff current.yaml candidate.yaml --json => 12 changes
        $changes.Count | Should -Be 12
        $changes[0].GetType().FullName | Should -Be 'PolicySim.Policies.Diff.PolicyChange'
        $changes[0].Path | Should -Be '/description'
        $changes[0].Kind | Should -Be 'Changed'
        @($changes | Where-Object Guard -eq 'egress_allowlist').Count | Should -BeGreaterThan 0
    }

    It 'adds rule changes with -IncludeRules' {
        $all = @(Compare-Policy $current $candidate -IncludeRules)
        $rules = @($all | Where-Object { $_.GetType().Name -eq 'RuleChange' })
        # CLI: policysim diff current.yaml candidate.yaml --rules => Rules: 10 added, 1 removed
        $rules.Count | Should -Be 11
        @($rules | Where-Object Change -eq 'Added').Count | Should -Be 10
        @($rules | Where-Object Change -eq 'Removed').Count | Should -Be 1
        $all.Count | Should -Be 23
    }

    It 'emits nothing for the same policy and compares piped policies with the reference' {
        @(Compare-Policy $current $current).Count | Should -Be 0
        @(Import-PolicyDefinition -Path $currentPath, $candidatePath | Compare-Policy -ReferencePolicy $current).Count | Should -Be 12
    }
}

Describe 'Measure-PolicyDecision' {
    It 'counts decisions by outcome, guard and target' {
        $stats = Get-Content -LiteralPath $auditLog | Test-PolicyEvent -Policy $candidate | Measure-PolicyDecision
        $stats.GetType().FullName | Should -Be 'PolicySim.Replay.DecisionStatistics'
        # CLI: policysim simulate candidate.yaml audit.jsonl --jsonl => allowed 17, warn 3, blocked 16
        $stats.Count | Should -Be 36
        $stats.Allowed | Should -Be 17
        $stats.Warned | Should -Be 3
        $stats.Denied | Should -Be 16
        ($stats.ByGuard.Values | Measure-Object -Sum).Sum | Should -Be 36
        @($stats.TopTargets).Count | Should -BeLessOrEqual 10
        @($stats.TopTargets).Count | Should -BeGreaterThan 0
    }

    It 'counts replay results by flip kind' {
        $stats = Invoke-PolicyReplay -Policy $candidate -Path $auditLog -BaselinePolicy $current | Measure-PolicyDecision
        $stats.ReplayResultCount | Should -Be 36
        @($stats.ByFlip.GetEnumerator() | Where-Object { "$($_.Key)" -eq 'AllowToDeny' })[0].Value | Should -Be 4
        $stats.Changed | Should -Be 6
        $stats.Widening | Should -Be 1
    }

    It 'writes PolicySim.Measure.UnsupportedInput for other objects and counts the rest' {
        $decision = Test-PolicyEvent 'egress api.github.com' -Policy default
        $stats = @($decision, 'not a decision', 42 | Measure-PolicyDecision -ErrorAction SilentlyContinue -ErrorVariable measureErrors)
        $stats.Count | Should -Be 1
        $stats[0].Count | Should -Be 1
        $measureErrors.Count | Should -Be 2
        $measureErrors[0].FullyQualifiedErrorId | Should -Be 'PolicySim.Measure.UnsupportedInput,PolicySim.PowerShell.Commands.MeasurePolicyDecisionCommand'
        $measureErrors[0].TargetObject | Should -Be 'not a decision'
    }
}

Describe 'Module surface for replay' {
    It 'has a table view for <_>' -ForEach $newOutputTypes {
        $format = Get-FormatData -TypeName $_
        $format | Should -Not -BeNullOrEmpty
        @($format.FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] }).Count | Should -BeGreaterOrEqual 1
    }

    It 'formats replay output as a table without errors' {
        $text = Invoke-PolicyReplay -Policy $candidate -Path $auditLog -BaselinePolicy $current -FlipsOnly | Out-String
        $text | Should -Match 'AllowToDeny'
        $text | Should -Match 'Flip'
        (Compare-PolicyDecision $current $candidate -Path $auditLog -GroupBy | Out-String) | Should -Match 'Widening'
        (Compare-Policy $current $candidate -IncludeRules | Out-String) | Should -Match '/description'
        (Invoke-PolicyReplay -Policy $candidate -Path $auditLog -BaselinePolicy $current | Measure-PolicyDecision | Out-String) | Should -Match '36'
    }

    It 'has full help with examples for <_>' -ForEach $newCmdlets {
        $help = Get-Help -Name $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match '\['
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
    }

    It 'exports the replay cmdlets' {
        $exported = @((Get-Module -Name PolicySim).ExportedCmdlets.Keys)
        foreach ($name in 'Invoke-PolicyReplay', 'Compare-PolicyDecision', 'Compare-Policy', 'Measure-PolicyDecision') {
            $exported | Should -Contain $name
        }
    }
}
