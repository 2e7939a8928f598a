using System;
using System.Collections.Generic;
using PolicySim.Evaluation.Text;

namespace PolicySim.Evaluation.Guards
{
    /// <summary><c>prompt_injection</c> (spec §3.7): scores untrusted text and warns or blocks by level.</summary>
    internal sealed class PromptInjectionGuard : IGuard
    {
        public const string GuardName = "prompt_injection";

        private readonly PromptInjectionLevel _warnAtOrAbove;
        private readonly PromptInjectionLevel _blockAtOrAbove;
        private readonly int _maxScanBytes;

        public PromptInjectionGuard(PromptInjectionLevel warnAtOrAbove, PromptInjectionLevel blockAtOrAbove, int maxScanBytes)
        {
            _warnAtOrAbove = warnAtOrAbove;
            _blockAtOrAbove = blockAtOrAbove;
            _maxScanBytes = maxScanBytes;
            ConfigKey = new GuardConfigKey(GuardName).Add((long)warnAtOrAbove).Add((long)blockAtOrAbove).Add(maxScanBytes).ToString();
        }

        public string ConfigKey { get; }

        public string Name => GuardName;

        public GuardStage Stage => GuardStage.Standard;

        public bool Handles(PolicyAction action) =>
            action is CustomAction c && (string.Equals(c.CustomKind, "untrusted_text", StringComparison.Ordinal) || string.Equals(c.CustomKind, "hushclaw.untrusted_text", StringComparison.Ordinal));

        public GuardResult Evaluate(PolicyAction action)
        {
            var custom = (CustomAction)action;
            if (!TextPayload.TryRead(custom, out string text, out string? source, out string? error))
            {
                return GuardResult.Block(GuardName, GuardSeverity.Error, "Invalid untrusted_text payload: " + error);
            }

            PromptInjectionReport report = PromptInjectionDetector.Analyze(text, _maxScanBytes);
            bool block = report.Level >= _blockAtOrAbove;
            if (!block && report.Level < _warnAtOrAbove)
            {
                return GuardResult.Allow(GuardName);
            }

            string message = "Untrusted text contains prompt-injection signals (" + report.Level + ")";
            Func<IReadOnlyDictionary<string, object?>> details = DetailsOf(report, source);
            string signal = report.Signals.Count > 0 ? report.Signals[0] : report.Level.ToString();
            if (!block)
            {
                return GuardResult.WarnLazy(GuardName, message, details, signal);
            }

            GuardSeverity severity = report.Level switch
            {
                PromptInjectionLevel.Critical => GuardSeverity.Critical,
                PromptInjectionLevel.Safe => GuardSeverity.Info,
                _ => GuardSeverity.Error,
            };
            return GuardResult.BlockLazy(GuardName, severity, message, details, signal);
        }

        // Its own method: a lambda in Evaluate would capture `report` there, and C# allocates the captured variables'
        // closure object on entry to Evaluate, for every decision, not only for warnings and blocks.
        private static Func<IReadOnlyDictionary<string, object?>> DetailsOf(PromptInjectionReport report, string? source)
        {
            return () =>
            {
                var built = Details.Create();
                built["canonicalization"] = TextDetails.Canonicalization(report.Canonical);
                built["fingerprint"] = report.Fingerprint;
                built["level"] = report.Level.ToString().ToLowerInvariant();
                built["score"] = (long)report.Score;
                built["signals"] = new List<object?>(report.Signals);
                built["source"] = source;
                return built;
            };
        }
    }
}
