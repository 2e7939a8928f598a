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
        }

        public string Name => GuardName;

        public GuardStage Stage => GuardStage.Standard;

        public bool Handles(PolicyAction action) =>
            action is CustomAction c && (string.Equals(c.CustomKind, "untrusted_text", StringComparison.Ordinal) || string.Equals(c.CustomKind, "hushclaw.untrusted_text", StringComparison.Ordinal));

        public GuardResult Evaluate(PolicyAction action)
        {
            var custom = (CustomAction)action;
            if (!TextPayload.TryRead(custom.Payload, out string text, out string? source, out string? error))
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
            var details = Details.Create();
            details["canonicalization"] = TextDetails.Canonicalization(report.Canonical);
            details["fingerprint"] = report.Fingerprint;
            details["level"] = report.Level.ToString().ToLowerInvariant();
            details["score"] = (long)report.Score;
            details["signals"] = new List<object?>(report.Signals);
            details["source"] = source;
            string signal = report.Signals.Count > 0 ? report.Signals[0] : report.Level.ToString();
            if (!block)
            {
                return GuardResult.Warn(GuardName, message, details, signal);
            }

            GuardSeverity severity = report.Level switch
            {
                PromptInjectionLevel.Critical => GuardSeverity.Critical,
                PromptInjectionLevel.Safe => GuardSeverity.Info,
                _ => GuardSeverity.Error,
            };
            return GuardResult.Block(GuardName, severity, message, details, signal);
        }
    }
}
