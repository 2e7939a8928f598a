using System.Collections.Generic;
using System.Globalization;
using PolicySim.Evaluation.Guards;
using PolicySim.Evaluation.Text;

namespace PolicySim.Policies.Clawdstrike
{
    /// <summary>The two text guards: prompt_injection and jailbreak (std stage, after secret_leak and patch_integrity).</summary>
    internal static partial class ClawdstrikeCompiler
    {
        static partial void AddTextGuards(ClawdstrikeDocument doc, List<IGuard> guards, List<PolicyRule> rules)
        {
            var pi = doc.Guards.PromptInjection ?? new PromptInjectionConfig();
            if (pi.Enabled)
            {
                int maxScan = pi.MaxScanBytes > int.MaxValue ? int.MaxValue : (int)pi.MaxScanBytes;
                guards.Add(new PromptInjectionGuard((PromptInjectionLevel)(int)pi.WarnAtOrAbove, (PromptInjectionLevel)(int)pi.BlockAtOrAbove, maxScan));
                AddSetting(rules, PromptInjectionGuard.GuardName, "warn_at_or_above", pi.WarnAtOrAbove.ToString().ToLowerInvariant(), pi.Location);
                AddSetting(rules, PromptInjectionGuard.GuardName, "block_at_or_above", pi.BlockAtOrAbove.ToString().ToLowerInvariant(), pi.Location);
            }

            var jb = doc.Guards.Jailbreak ?? new JailbreakConfig();
            if (jb.Enabled)
            {
                guards.Add(new JailbreakGuard(jb.Detector));
                AddSetting(rules, JailbreakGuard.GuardName, "block_threshold", jb.Detector.BlockThreshold.ToString(CultureInfo.InvariantCulture), jb.Location);
                AddSetting(rules, JailbreakGuard.GuardName, "warn_threshold", jb.Detector.WarnThreshold.ToString(CultureInfo.InvariantCulture), jb.Location);
            }
        }
    }
}
