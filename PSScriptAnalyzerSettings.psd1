# PSScriptAnalyzer settings for build.ps1, build/*.ps1, tests/*.ps1 and the manifest (build.ps1 -Task Analyze).
@{
    Severity     = @('Error', 'Warning', 'Information')

    ExcludeRules = @(
        # Pester 5 assigns variables in BeforeDiscovery/BeforeAll and reads them in It blocks and -ForEach; the rule
        # looks at one script block at a time and reports every such variable as unused.
        'PSUseDeclaredVarsMoreThanAssignments'
    )

    Rules        = @{
        # Everything must run on Windows PowerShell 5.1 and PowerShell 7.
        PSUseCompatibleSyntax     = @{
            Enable         = $true
            TargetVersions = @('5.1', '7.0')
        }
        PSAvoidUsingCmdletAliases = @{ Whitelist = @() }
        PSPlaceOpenBrace          = @{ Enable = $true; OnSameLine = $true; NewLineAfter = $true; IgnoreOneLineBlock = $true }
        PSPlaceCloseBrace         = @{ Enable = $true; NoEmptyLineBefore = $false; IgnoreOneLineBlock = $true; NewLineAfter = $false }
        PSUseConsistentIndentation = @{ Enable = $true; IndentationSize = 4; Kind = 'space'; PipelineIndentation = 'IncreaseIndentationForFirstPipeline' }
    }
}
