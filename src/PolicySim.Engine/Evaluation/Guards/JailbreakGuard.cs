using System;
using System.Collections.Generic;
using PolicySim.Evaluation.Text;

namespace PolicySim.Evaluation.Guards
{
    /// <summary><c>jailbreak</c>, reported as <c>jailbreak_detection</c> (spec §3.8): risk score from heuristics, statistics and a linear model.</summary>
    internal sealed class JailbreakGuard : IGuard
    {
        public const string GuardName = "jailbreak_detection";

        private readonly JailbreakDetectorOptions _options;

        public JailbreakGuard(JailbreakDetectorOptions options)
        {
            _options = options;
            ConfigKey = new GuardConfigKey(GuardName)
                .Add(options.BlockThreshold).Add(options.WarnThreshold).Add(options.MaxInputBytes)
                .Add(options.HeuristicLayer).Add(options.StatisticalLayer).Add(options.MlLayer).Add(options.LlmJudgeLayer)
                .Add(options.Bias).Add(options.WeightIgnorePolicy).Add(options.WeightDan).Add(options.WeightRoleChange)
                .Add(options.WeightPromptExtraction).Add(options.WeightEncoded).Add(options.WeightPunctuation).Add(options.WeightSymbolRun)
                .ToString();
        }

        public string ConfigKey { get; }

        public string Name => GuardName;

        public GuardStage Stage => GuardStage.Standard;

        public bool Handles(PolicyAction action) =>
            action is CustomAction c && (string.Equals(c.CustomKind, "user_input", StringComparison.Ordinal) || string.Equals(c.CustomKind, "hushclaw.user_input", StringComparison.Ordinal));

        public GuardResult Evaluate(PolicyAction action)
        {
            var custom = (CustomAction)action;
            if (!TextPayload.TryRead(custom, out string text, out _, out string? error))
            {
                return GuardResult.Block(GuardName, GuardSeverity.Error, "Invalid user_input payload: " + error);
            }

            JailbreakReport report = JailbreakDetector.Analyze(text, _options);
            bool block = report.RiskScore >= _options.BlockThreshold;
            if (!block && report.RiskScore < _options.WarnThreshold)
            {
                return GuardResult.Allow(GuardName);
            }

            // The reference's details also carry session statistics and latencies, which are not deterministic;
            // PolicySim reports the session as null so the same input always gives the same bytes.
            Func<IReadOnlyDictionary<string, object?>> details = DetailsOf(report, _options);
            string signal = report.Signals.Count > 0 ? report.Signals[0] : "risk_score";
            if (!block)
            {
                return GuardResult.WarnLazy(GuardName, "Potential jailbreak attempt detected", details, signal);
            }

            GuardSeverity severity = report.Severity switch
            {
                JailbreakSeverity.Confirmed => GuardSeverity.Critical,
                JailbreakSeverity.Likely => GuardSeverity.Error,
                JailbreakSeverity.Suspicious => GuardSeverity.Warning,
                _ => GuardSeverity.Info,
            };
            return GuardResult.BlockLazy(GuardName, severity, "Jailbreak attempt detected", details, signal);
        }

        // Its own method: a lambda in Evaluate would capture `report` there, and C# allocates the captured variables'
        // closure object on entry to Evaluate, for every decision, not only for warnings and blocks.
        private static Func<IReadOnlyDictionary<string, object?>> DetailsOf(JailbreakReport report, JailbreakDetectorOptions options)
        {
            return () =>
            {
                var layers = Details.Create();
                layers["heuristic"] = options.HeuristicLayer;
                layers["llm_judge"] = options.LlmJudgeLayer;
                layers["ml"] = options.MlLayer;
                layers["statistical"] = options.StatisticalLayer;
                var built = Details.Create();
                built["canonicalization"] = TextDetails.Canonicalization(report.Canonical);
                built["confidence"] = report.Confidence;
                built["fingerprint"] = report.Fingerprint;
                built["layers"] = layers;
                built["risk_score"] = (long)report.RiskScore;
                built["session"] = null;
                built["severity"] = report.Severity.ToString().ToLowerInvariant();
                built["signals"] = new List<object?>(report.Signals);
                return built;
            };
        }
    }
}
