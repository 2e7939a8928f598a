# PSScriptAnalyzer settings for build.ps1, build/*.ps1, tests/*.ps1 and PolicySim.psd1 (build.ps1 -Task Analyze).
# Every default rule of severity Error or Warning runs; the exclusions below say why.
@{
    Severity     = @('Error', 'Warning')

    ExcludeRules = @(
        # Pester 5 assigns variables in BeforeDiscovery/BeforeAll and reads them in It blocks and -ForEach data; the
        # rule looks at one script block at a time and reports each of them as assigned but never used.
        'PSUseDeclaredVarsMoreThanAssignments'
    )

    Rules        = @{
        # Everything must parse on Windows PowerShell 5.1 and PowerShell 7 (no ternaries, ?? or && in the scripts).
        PSUseCompatibleSyntax = @{
            Enable         = $true
            TargetVersions = @('5.1', '7.0')
        }
    }
}
