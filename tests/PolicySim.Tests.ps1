#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Pester 5 tests of the built module (out/PolicySim). Run them in a fresh process (build.ps1 -Task Test does):
# a binary module cannot be unloaded, so a session that imported an older build would test that build.
# Engine types (PolicyDefinition, PolicyDecision) are checked by full name, not by [type] literal: on PowerShell 7
# they live in PolicySim's private load context, which PowerShell's type-literal lookup does not search.

BeforeDiscovery {
    # Test generation only: the cases below, and whether another YamlDotNet is available for the coexistence test.
    $shortcutCases = @(
        @{ Shortcut = 'file:read /home/alice/.ssh/id_rsa'; EventType = 'file_read'; Outcome = 'Denied' }
        @{ Shortcut = 'file:read /workspace/README.md'; EventType = 'file_read'; Outcome = 'Allowed' }
        @{ Shortcut = 'egress api.github.com 443'; EventType = 'network_egress'; Outcome = 'Allowed' }
        @{ Shortcut = 'egress evil.example'; EventType = 'network_egress'; Outcome = 'Denied' }
        @{ Shortcut = 'tool read_file {"path":"/workspace/a.txt"}'; EventType = 'tool_call'; Outcome = 'Allowed' }
        @{ Shortcut = 'command ls -la'; EventType = 'command_exec'; Outcome = 'Allowed' }
        @{ Shortcut = 'input hello there'; EventType = 'custom'; Outcome = 'Allowed' }
    )
    $badInputCases = @(
        @{ Name = 'unknown shortcut'; Item = 'frobnicate /x'; ErrorId = 'PolicySim.Events.InvalidShortcut' }
        @{ Name = 'shortcut with a bad port'; Item = 'egress example.com http'; ErrorId = 'PolicySim.Events.InvalidShortcut' }
        @{ Name = 'broken JSON'; Item = '{"eventId": '; ErrorId = 'PolicySim.Events.InvalidJson' }
        @{ Name = 'JSON missing fields'; Item = '{"eventId":"e1"}'; ErrorId = 'PolicySim.Events.InvalidJson' }
        @{ Name = 'unsupported event type'; Item = '{"eventId":"e1","eventType":"process_start","timestamp":"2026-01-01T00:00:00Z","data":{"type":"custom","customType":"x"}}'; ErrorId = 'PolicySim.Events.Unmappable' }
    )
    $builtInNames = @('default', 'strict', 'ai-agent', 'cicd', 'permissive')

    # Coexistence: a YamlDotNet of another version from an installed module (powershell-yaml, platyPS ...), if any.
    $otherYamlDotNet = $null
    $ours = Join-Path $PSScriptRoot '../out/PolicySim/dependencies/YamlDotNet.dll'
    if (Test-Path -LiteralPath $ours) {
        $ourVersion = [System.Reflection.AssemblyName]::GetAssemblyName((Resolve-Path -LiteralPath $ours).ProviderPath).Version
        $roots = $env:PSModulePath -split [System.IO.Path]::PathSeparator | Where-Object { $_ -and (Test-Path -LiteralPath $_) }
        $otherYamlDotNet = Get-ChildItem -LiteralPath $roots -Filter 'YamlDotNet.dll' -Recurse -File -ErrorAction SilentlyContinue |
            Where-Object { [System.Reflection.AssemblyName]::GetAssemblyName($_.FullName).Version -ne $ourVersion } |
            Select-Object -First 1 -ExpandProperty FullName
    }
}

BeforeAll {
    $manifestPath = Join-Path $PSScriptRoot '../out/PolicySim/PolicySim.psd1'
    Import-Module $manifestPath -Force
    Set-StrictMode -Version Latest
    $ErrorActionPreference = 'Stop'
    $repoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '..')).ProviderPath
    $examples = Join-Path $repoRoot 'examples'
    $candidatePath = Join-Path $examples 'policies/candidate.yaml'
    $auditLog = Join-Path $examples 'events/audit.jsonl'
}

Describe 'PolicySim module' {
    It 'imports with exactly the cmdlets of the manifest' {
        $module = Get-Module -Name PolicySim
        $module | Should -Not -BeNullOrEmpty
        $module.Version | Should -Be ([version]'0.1.0')
        # The manifest's explicit list is the contract (the xunit metadata tests check it against the assembly).
        $manifest = Import-PowerShellDataFile -LiteralPath $manifestPath
        @($manifest.CmdletsToExport).Count | Should -Be 9
        @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($manifest.CmdletsToExport | Sort-Object)
        @($module.ExportedFunctions.Keys).Count | Should -Be 0
    }

    It 'keeps its dependencies out of the module root' {
        $root = Split-Path -Parent $manifestPath
        Join-Path $root 'YamlDotNet.dll' | Should -Not -Exist
        Join-Path $root 'dependencies/YamlDotNet.dll' | Should -Exist
        Join-Path $root 'dependencies/PolicySim.Engine.dll' | Should -Exist
    }

    It 'has a table view for <_>' -ForEach @('PolicySim.Policies.PolicyDefinition', 'PolicySim.Policies.PolicyRule', 'PolicySim.Evaluation.PolicyDecision') {
        $format = Get-FormatData -TypeName $_
        $format | Should -Not -BeNullOrEmpty
        @($format.FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] }).Count | Should -BeGreaterOrEqual 1
    }

    It 'has full help with examples for <_>' -ForEach @('Import-PolicyDefinition', 'Test-PolicyEvent', 'Invoke-PolicyReplay', 'Compare-PolicyDecision', 'Compare-Policy', 'Measure-PolicyDecision') {
        $help = Get-Help -Name $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        # Without MAML, Get-Help makes up a synopsis from the syntax, which holds brackets.
        $help.Synopsis | Should -Not -Match '\['
        @($help.Description).Count | Should -BeGreaterOrEqual 1
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
    }

    It 'documents every parameter of Test-PolicyEvent in Get-Help' {
        $help = Get-Help -Name Test-PolicyEvent -Full
        $names = @($help.Parameters.Parameter | ForEach-Object { $_.Name })
        $names | Should -Contain 'InputObject'
        $names | Should -Contain 'Policy'
        $names | Should -Contain 'Quiet'
    }
}

Describe 'Import-PolicyDefinition' {
    It 'loads a policy file by -Path' {
        $policy = Import-PolicyDefinition -Path $candidatePath
        $policy.GetType().FullName | Should -Be 'PolicySim.Policies.PolicyDefinition'
        $policy.SourceKind | Should -Be 'PolicyFile'
        $policy.Path | Should -Be (Resolve-Path -LiteralPath $candidatePath).ProviderPath
        @($policy.Rules).Count | Should -BeGreaterThan 0
    }

    It 'expands wildcards in -Path' {
        $expected = @(Get-ChildItem -LiteralPath (Join-Path $examples 'policies') -Filter '*.yaml').Count
        $expected | Should -BeGreaterThan 1
        $policies = @(Import-PolicyDefinition -Path (Join-Path $examples 'policies/*.yaml'))
        $policies.Count | Should -Be $expected
    }

    It 'takes files from Get-ChildItem by PSPath' {
        $files = @(Get-ChildItem -LiteralPath (Join-Path $examples 'policies') -Filter '*.yaml')
        $policies = @($files | Import-PolicyDefinition)
        $policies.Count | Should -Be $files.Count
    }

    It 'loads a file by -LiteralPath relative to the current location' {
        Push-Location -LiteralPath (Join-Path $examples 'policies')
        try {
            $policy = Import-PolicyDefinition -LiteralPath 'current.yaml'
            $policy.Path | Should -Be (Join-Path (Get-Location).ProviderPath 'current.yaml')
        }
        finally {
            Pop-Location
        }
    }

    It 'loads the built-in ruleset <_> by -Name' -ForEach $builtInNames {
        $policy = Import-PolicyDefinition -Name $_
        $policy.SourceKind | Should -Be 'Ruleset'
        $policy.Reference | Should -Be $_
    }

    It 'loads YAML text with -Yaml' {
        $yaml = "version: `"1.1.0`"`nname: inline test`nextends: strict`n"
        $policy = Import-PolicyDefinition -Yaml $yaml -SourceName 'inline.yaml'
        $policy.Name | Should -Be 'inline test'
        $policy.SourceKind | Should -Be 'Inline'
    }

    It 'completes built-in names for -Name' {
        $line = 'Import-PolicyDefinition -Name st'
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        @($completion.CompletionMatches | ForEach-Object { $_.CompletionText }) | Should -Contain 'strict'
    }

    It 'writes PolicySim.Policy.InvalidPolicy with the diagnostics for an invalid policy' {
        $bad = Join-Path $TestDrive 'bad.yaml'
        Set-Content -LiteralPath $bad -Value "version: `"1.1.0`"`nguards:`n  forbidden_path:`n    patterns: 42`n" -Encoding Ascii
        $result = Import-PolicyDefinition -Path $bad -ErrorAction SilentlyContinue -ErrorVariable loadErrors
        $result | Should -BeNullOrEmpty
        $loadErrors.Count | Should -Be 1
        $loadErrors[0].FullyQualifiedErrorId | Should -Be 'PolicySim.Policy.InvalidPolicy,PolicySim.PowerShell.Commands.ImportPolicyDefinitionCommand'
        $loadErrors[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $loadErrors[0].TargetObject | Should -Be $bad
        $loadErrors[0].ToString() | Should -Match 'forbidden_path'
    }

    It 'goes on with the next file after a bad one' {
        $bad = Join-Path $TestDrive 'broken.yaml'
        Set-Content -LiteralPath $bad -Value 'version: [' -Encoding Ascii
        $policies = @(Import-PolicyDefinition -LiteralPath $bad, $candidatePath -ErrorAction SilentlyContinue -ErrorVariable loadErrors)
        $policies.Count | Should -Be 1
        $loadErrors.Count | Should -Be 1
    }

    It 'throws with -ErrorAction Stop: <Name>' -ForEach @(
        @{ Name = 'missing file'; Arguments = @{ LiteralPath = 'does-not-exist.yaml' }; ErrorId = 'PolicySim.Policy.LoadFailed' }
        @{ Name = 'no wildcard match'; Arguments = @{ Path = 'nothing-here-*.yaml' }; ErrorId = 'PolicySim.Policy.PathNotFound' }
        @{ Name = 'unknown ruleset'; Arguments = @{ Name = 'no-such-ruleset' }; ErrorId = 'PolicySim.Policy.UnknownRuleset' }
        @{ Name = 'invalid YAML text'; Arguments = @{ Yaml = 'version: [' }; ErrorId = 'PolicySim.Policy.InvalidPolicy' }
    ) {
        $arguments = $Arguments
        { Import-PolicyDefinition @arguments -ErrorAction Stop } |
            Should -Throw -ErrorId "$ErrorId,PolicySim.PowerShell.Commands.ImportPolicyDefinitionCommand"
    }
}

Describe 'Test-PolicyEvent' {
    BeforeAll {
        $candidate = Import-PolicyDefinition -Path $candidatePath
    }

    It 'decides <Shortcut> as <Outcome>' -ForEach $shortcutCases {
        $decision = Test-PolicyEvent -InputObject $Shortcut -Policy default
        $decision.GetType().FullName | Should -Be 'PolicySim.Evaluation.PolicyDecision'
        $decision.EventType | Should -Be $EventType
        $decision.Outcome | Should -Be $Outcome
        $decision.EventId | Should -Be 'shortcut-1'
    }

    It 'numbers shortcut events in input order' {
        $decisions = @('egress a.example', 'egress b.example', 'egress c.example' | Test-PolicyEvent -Policy strict)
        @($decisions | ForEach-Object { $_.EventId }) | Should -Be @('shortcut-1', 'shortcut-2', 'shortcut-3')
    }

    It 'returns booleans with -Quiet' {
        Test-PolicyEvent 'file:read /home/alice/.ssh/id_rsa' -Policy default -Quiet | Should -BeFalse
        Test-PolicyEvent 'file:read /workspace/README.md' -Policy default -Quiet | Should -BeTrue
        Test-PolicyEvent 'file:read /workspace/README.md' -Quiet | Should -BeOfType ([bool])
    }

    It 'uses the built-in default ruleset when -Policy is omitted' {
        (Test-PolicyEvent 'file:read /home/alice/.ssh/id_rsa').Outcome | Should -Be 'Denied'
    }

    It 'accepts a policy file path and a PolicyDefinition for -Policy' {
        (Test-PolicyEvent 'egress paste.example' -Policy $candidatePath).Outcome | Should -Be 'Denied'
        (Test-PolicyEvent 'egress paste.example' -Policy $candidate).Outcome | Should -Be 'Denied'
        (Test-PolicyEvent 'egress paste.example' -Policy (Get-Item -LiteralPath $candidatePath)).Outcome | Should -Be 'Denied'
    }

    It 'decides a PolicyEvent JSON string' {
        $json = Get-Content -LiteralPath (Join-Path $examples 'events/single-event.json') -Raw
        $decision = Test-PolicyEvent -InputObject $json -Policy default
        $decision.EventId | Should -Be 'evt-0003'
    }

    It 'decides a hashtable and fills in a missing id' {
        $eventTable = @{ eventType = 'network_egress'; data = @{ type = 'network'; host = 'paste.example'; port = 443 } }
        $decision = $eventTable | Test-PolicyEvent -Policy $candidate
        $decision.EventId | Should -Be 'object-1'
        $decision.Outcome | Should -Be 'Denied'
        $decision.Target | Should -Be 'paste.example:443'
    }

    It 'decides objects from ConvertFrom-Json' {
        $objects = Get-Content -LiteralPath (Join-Path $examples 'events/audit.pretty.json') -Raw | ConvertFrom-Json
        $decisions = @($objects | Test-PolicyEvent -Policy $candidate)
        $decisions.Count | Should -Be @($objects).Count
        $decisions[0].EventId | Should -Be 'evt-0001'
    }

    It 'decides every line of an audit log piped through ForEach-Object' {
        $policy = $candidate
        $decisions = @(Get-Content -LiteralPath $auditLog | ForEach-Object { Test-PolicyEvent -InputObject $_ -Policy $policy })
        $decisions.Count | Should -Be 36
        # policysim simulate examples/policies/candidate.yaml examples/events/audit.jsonl --jsonl: allowed 17, warn 3, blocked 16
        @($decisions | Where-Object Outcome -eq 'Allowed').Count | Should -Be 17
        @($decisions | Where-Object Outcome -eq 'Warned').Count | Should -Be 3
        @($decisions | Where-Object Outcome -eq 'Denied').Count | Should -Be 16
    }

    It 'decides an audit log piped straight in, with -Quiet' {
        $allowed = @(Get-Content -LiteralPath $auditLog | Test-PolicyEvent -Policy $candidate -Quiet)
        $allowed.Count | Should -Be 36
        @($allowed | Where-Object { $_ }).Count | Should -Be 20 # 17 allowed + 3 warned
    }

    It 'writes <ErrorId> for <Name> with the item as target and goes on' -ForEach $badInputCases {
        $decisions = @($Item, 'egress api.github.com' | Test-PolicyEvent -Policy default -ErrorAction SilentlyContinue -ErrorVariable eventErrors)
        $decisions.Count | Should -Be 1
        $eventErrors.Count | Should -Be 1
        $eventErrors[0].FullyQualifiedErrorId | Should -Be "$ErrorId,PolicySim.PowerShell.Commands.TestPolicyEventCommand"
        $eventErrors[0].TargetObject | Should -Be $Item
    }

    It 'throws <ErrorId> with -ErrorAction Stop' -ForEach $badInputCases {
        $item = $Item
        { Test-PolicyEvent -InputObject $item -ErrorAction Stop } |
            Should -Throw -ErrorId "$ErrorId,PolicySim.PowerShell.Commands.TestPolicyEventCommand"
    }

    It 'stops before deciding anything when -Policy cannot be loaded' {
        { Test-PolicyEvent 'egress a.example' -Policy (Join-Path $TestDrive 'missing.yaml') } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,PolicySim.PowerShell.Commands.TestPolicyEventCommand'
    }

    It 'completes built-in names for -Policy' {
        $line = 'Test-PolicyEvent "egress x" -Policy ai'
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        @($completion.CompletionMatches | ForEach-Object { $_.CompletionText }) | Should -Contain 'ai-agent'
    }
}

Describe 'Dependency isolation' {
    It 'runs the engine build made for the host runtime' {
        # PowerShell 7.4+ (.NET 8 or later) loads dependencies/net8.0/PolicySim.Engine.dll; others the .NET Standard build.
        $null = Test-PolicyEvent 'file:read /workspace/README.md' -Policy default
        $engine = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'PolicySim.Engine' })
        $engine.Count | Should -Be 1
        $expected = if ($PSVersionTable.PSEdition -eq 'Core' -and [Environment]::Version.Major -ge 8) { 'net8.0' } else { 'dependencies' }
        Split-Path -Leaf (Split-Path -Parent $engine[0].Location) | Should -Be $expected
    }

    It 'loads beside another YamlDotNet in one session' -Skip:(-not $otherYamlDotNet) -ForEach @(@{ Other = $otherYamlDotNet }) {
        # A fresh process: this session has already loaded PolicySim.
        $exe = (Get-Process -Id $PID).Path
        $command = "`$ErrorActionPreference = 'Stop'; Add-Type -LiteralPath '$($Other -replace "'", "''")'; " +
            "Import-Module '$($manifestPath -replace "'", "''")'; " +
            "Test-PolicyEvent 'file:read /home/alice/.ssh/id_rsa' -Policy strict -Quiet; " +
            "@([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'YamlDotNet' }).Count"
        $output = @(& $exe -NoProfile -NonInteractive -Command $command)
        $LASTEXITCODE | Should -Be 0
        $output[0] | Should -Be 'False'
        [int]$output[1] | Should -Be 2
    }
}

Describe 'Unicode normalization' {
    # Text guards need NFKC, which .NET takes from ICU; a globalization-invariant .NET returns text unnormalized
    # without an error, so the deciding cmdlets warn once per session there. Fresh processes: the warning is per session.
    BeforeAll {
        $exe = (Get-Process -Id $PID).Path
        $command = "Import-Module '$($manifestPath -replace "'", "''")'; " +
            "`$null = Test-PolicyEvent 'input hello there' -Policy default -WarningVariable w1 -WarningAction SilentlyContinue; " +
            "`$null = Test-PolicyEvent 'input hello again' -Policy default -WarningVariable w2 -WarningAction SilentlyContinue; " +
            "'{0}|{1}|{2}' -f `$w1.Count, `$w2.Count, (`$w1 -join ' ')"
    }

    It 'warns once per session when .NET runs globalization-invariant' -Skip:($PSVersionTable.PSEdition -eq 'Desktop') {
        # (Windows PowerShell 5.1 runs on .NET Framework, which has no invariant mode.)
        $previous = $env:DOTNET_SYSTEM_GLOBALIZATION_INVARIANT
        try {
            $env:DOTNET_SYSTEM_GLOBALIZATION_INVARIANT = '1'
            $output = @(& $exe -NoProfile -NonInteractive -Command $command)
        }
        finally {
            $env:DOTNET_SYSTEM_GLOBALIZATION_INVARIANT = $previous
        }

        $LASTEXITCODE | Should -Be 0
        $parts = $output[-1] -split '\|', 3
        $parts[0] | Should -Be '1'
        $parts[1] | Should -Be '0'
        $parts[2] | Should -BeLike '*Unicode normalization (NFKC) is not available*'
    }

    It 'does not warn where .NET normalizes Unicode' -Skip:(([string][char]0xFB01).Normalize([Text.NormalizationForm]::FormKC) -ne 'fi') {
        $previous = $env:DOTNET_SYSTEM_GLOBALIZATION_INVARIANT
        try {
            $env:DOTNET_SYSTEM_GLOBALIZATION_INVARIANT = $null
            $output = @(& $exe -NoProfile -NonInteractive -Command $command)
        }
        finally {
            $env:DOTNET_SYSTEM_GLOBALIZATION_INVARIANT = $previous
        }

        $LASTEXITCODE | Should -Be 0
        $output[-1] | Should -Be '0|0|'
    }
}
