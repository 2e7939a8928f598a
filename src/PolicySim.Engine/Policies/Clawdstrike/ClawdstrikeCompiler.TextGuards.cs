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
                var options = new JailbreakDetectorOptions
                {
                    BlockThreshold = (int)jb.BlockThreshold,
                    WarnThreshold = (int)jb.WarnThreshold,
                    MaxInputBytes = jb.MaxInputBytes > int.MaxValue ? int.MaxValue : (int)jb.MaxInputBytes,
                    HeuristicLayer = jb.LayerHeuristic,
                    StatisticalLayer = jb.LayerStatistical,
                    MlLayer = jb.LayerMl,
                    LlmJudgeLayer = jb.LayerLlmJudge,
                    Bias = jb.Bias,
                    WeightIgnorePolicy = jb.WIgnorePolicy,
                    WeightDan = jb.WDan,
                    WeightRoleChange = jb.WRoleChange,
                    WeightPromptExtraction = jb.WPromptExtraction,
                    WeightEncoded = jb.WEncoded,
                    WeightPunctuation = jb.WPunct,
                    WeightSymbolRun = jb.WSymbolRun,
                };
                guards.Add(new JailbreakGuard(options));
                AddSetting(rules, JailbreakGuard.GuardName, "block_threshold", jb.BlockThreshold.ToString(CultureInfo.InvariantCulture), jb.Location);
                AddSetting(rules, JailbreakGuard.GuardName, "warn_threshold", jb.WarnThreshold.ToString(CultureInfo.InvariantCulture), jb.Location);
            }
        }
    }
}
