namespace PolicySim.Reports
{
    /// <summary>How gate failures and risky groups are announced to a CI system (<see cref="CiAnnotations"/>).</summary>
    public enum CiStyle
    {
        /// <summary>Choose from the environment: <c>TF_BUILD</c> ⇒ Azure Pipelines, <c>GITHUB_ACTIONS</c> ⇒ GitHub Actions, else plain.</summary>
        Detect,

        /// <summary>Plain <c>error: file:line: message</c> lines.</summary>
        Plain,

        /// <summary>Azure Pipelines logging commands: <c>##vso[task.logissue …]</c> and <c>##vso[task.complete …]</c>.</summary>
        AzurePipelines,

        /// <summary>GitHub Actions workflow commands: <c>::error …::</c> and <c>::warning …::</c>, plus the step summary.</summary>
        GitHubActions,
    }
}
