using System;

namespace PolicySim.Evaluation.Text
{
    /// <summary>Parsing and naming of <see cref="PromptInjectionLevel"/> values as policies and details spell them.</summary>
    internal static class PromptInjectionLevels
    {
        /// <summary>
        /// Parses a policy level name: <c>safe</c>, <c>suspicious</c>, <c>high</c>, <c>critical</c>, or the aliases
        /// <c>low</c> (= suspicious) and <c>medium</c> (= high) (spec §1.3). Names are case-sensitive, as serde's are.
        /// </summary>
        /// <param name="name">The YAML value.</param>
        /// <param name="level">The parsed level.</param>
        /// <returns>True when the name is known.</returns>
        internal static bool TryParse(string? name, out PromptInjectionLevel level)
        {
            switch (name)
            {
                case "safe":
                    level = PromptInjectionLevel.Safe;
                    return true;
                case "suspicious":
                case "low":
                    level = PromptInjectionLevel.Suspicious;
                    return true;
                case "high":
                case "medium":
                    level = PromptInjectionLevel.High;
                    return true;
                case "critical":
                    level = PromptInjectionLevel.Critical;
                    return true;
                default:
                    level = PromptInjectionLevel.Safe;
                    return false;
            }
        }

        /// <summary>The lowercase name used in details (<c>"level": "high"</c>).</summary>
        /// <param name="level">The level.</param>
        /// <returns>The lowercase name.</returns>
        internal static string ToLowerName(PromptInjectionLevel level) => level switch
        {
            PromptInjectionLevel.Safe => "safe",
            PromptInjectionLevel.Suspicious => "suspicious",
            PromptInjectionLevel.High => "high",
            PromptInjectionLevel.Critical => "critical",
            _ => throw new ArgumentOutOfRangeException(nameof(level)),
        };

        /// <summary>The capitalised name used in messages (<c>… signals (High)</c>).</summary>
        /// <param name="level">The level.</param>
        /// <returns>The capitalised name.</returns>
        internal static string ToDisplayName(PromptInjectionLevel level) => level switch
        {
            PromptInjectionLevel.Safe => "Safe",
            PromptInjectionLevel.Suspicious => "Suspicious",
            PromptInjectionLevel.High => "High",
            PromptInjectionLevel.Critical => "Critical",
            _ => throw new ArgumentOutOfRangeException(nameof(level)),
        };
    }
}
