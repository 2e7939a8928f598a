using System;
using System.Collections.Generic;

namespace PolicySim.Evaluation
{
    /// <summary>Builds guard detail objects whose keys print sorted, as serde_json does for dynamic values.</summary>
    internal static class Details
    {
        public static SortedDictionary<string, object?> Create() => new SortedDictionary<string, object?>(StringComparer.Ordinal);

        public static string SeverityName(GuardSeverity severity) => severity switch
        {
            GuardSeverity.Info => "info",
            GuardSeverity.Warning => "warning",
            GuardSeverity.Error => "error",
            _ => "critical",
        };
    }
}
