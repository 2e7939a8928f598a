namespace PolicySim.Evaluation.Text
{
    /// <summary>
    /// <c>guards.jailbreak.detector</c> settings that affect the decision (Clawdstrike spec §3.8); session and
    /// llm_judge settings never change a CLI decision and are not modelled here.
    /// </summary>
    internal sealed record JailbreakDetectorOptions
    {
        /// <summary>Gets the default options.</summary>
        internal static JailbreakDetectorOptions Default { get; } = new JailbreakDetectorOptions();

        /// <summary>Gets the risk at or above which the guard blocks (0–255).</summary>
        internal int BlockThreshold { get; init; } = 70;

        /// <summary>Gets the risk at or above which the guard warns.</summary>
        internal int WarnThreshold { get; init; } = 30;

        /// <summary>Gets the input budget in UTF-8 bytes.</summary>
        internal int MaxInputBytes { get; init; } = 100_000;

        /// <summary>Gets a value indicating whether the heuristic layer contributes to the score.</summary>
        internal bool HeuristicLayer { get; init; } = true;

        /// <summary>Gets a value indicating whether the statistical layer contributes to the score.</summary>
        internal bool StatisticalLayer { get; init; } = true;

        /// <summary>Gets a value indicating whether the linear-model layer contributes to the score.</summary>
        internal bool MlLayer { get; init; } = true;

        /// <summary>Gets a value indicating whether the LLM judge is enabled (reported only; never runs here).</summary>
        internal bool LlmJudgeLayer { get; init; }

        /// <summary>Gets the linear model bias.</summary>
        internal float Bias { get; init; } = -2.0f;

        /// <summary>Gets the weight of <c>jb_ignore_policy</c>.</summary>
        internal float WeightIgnorePolicy { get; init; } = 2.5f;

        /// <summary>Gets the weight of <c>jb_dan_unfiltered</c>.</summary>
        internal float WeightDan { get; init; } = 2.0f;

        /// <summary>Gets the weight of <c>jb_role_change</c>.</summary>
        internal float WeightRoleChange { get; init; } = 1.5f;

        /// <summary>Gets the weight of <c>jb_system_prompt_extraction</c>.</summary>
        internal float WeightPromptExtraction { get; init; } = 2.2f;

        /// <summary>Gets the weight of <c>jb_encoded_payload</c>.</summary>
        internal float WeightEncoded { get; init; } = 1.0f;

        /// <summary>Gets the weight of the clamped punctuation ratio.</summary>
        internal float WeightPunctuation { get; init; } = 2.0f;

        /// <summary>Gets the weight of a long symbol run.</summary>
        internal float WeightSymbolRun { get; init; } = 1.5f;
    }
}
