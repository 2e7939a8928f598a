@{
    RootModule           = 'PolicySim.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = 'a0f70a7f-b074-473e-9d4e-b58cf4df0646'
    Author               = 'PolicySim contributors'
    CompanyName          = 'PolicySim'
    Copyright            = '(c) PolicySim contributors. All rights reserved.'
    Description          = 'Simulate AI-agent guardrail policy changes before deployment: load policies, decide events, replay and compare.'
    CompatiblePSEditions = @('Core', 'Desktop')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('PolicySim.Format.ps1xml')
    CmdletsToExport      = @(
        'Assert-PolicyChange'
        'Compare-Policy'
        'Compare-PolicyDecision'
        'Export-PolicyReport'
        'Import-PolicyDefinition'
        'Invoke-PolicyReplay'
        'Measure-PolicyDecision'
        'Measure-PolicyPerformance'
        'Test-PolicyEvent'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Policy', 'Security', 'AI', 'Agents', 'Guardrails', 'Simulation', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ReleaseNotes = 'Preview: Import-PolicyDefinition, Test-PolicyEvent, Invoke-PolicyReplay, Compare-PolicyDecision, Compare-Policy, Measure-PolicyDecision, Measure-PolicyPerformance, Export-PolicyReport, Assert-PolicyChange.'
        }
    }
}
