using System;
using System.Collections.Generic;

namespace PolicySim.Evaluation
{
    /// <summary>Builds guard detail objects whose keys print sorted, as serde_json does for dynamic values.</summary>
    internal static class Details
    {
        public static SortedDictionary<string, object?> Create() => new SortedDictionary<string, object?>(StringComparer.Ordinal);

        /// <summary>A detail object with these fields (for the lazy details factories of guard results).</summary>
        /// <param name="fields">Key/value pairs.</param>
        /// <returns>The details.</returns>
        public static SortedDictionary<string, object?> Of(params (string Key, object? Value)[] fields)
        {
            var details = Create();
            foreach (var (key, value) in fields)
            {
                details[key] = value;
            }

            return details;
        }

        public static string SeverityName(GuardSeverity severity) => severity switch
        {
            GuardSeverity.Info => "info",
            GuardSeverity.Warning => "warning",
            GuardSeverity.Error => "error",
            _ => "critical",
        };
    }
}
