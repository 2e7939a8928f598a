using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PolicySim.Policies.Clawdstrike
{
    /// <summary>The rulesets shipped inside the engine: <c>default</c>, <c>strict</c>, <c>ai-agent</c>, <c>cicd</c>, <c>permissive</c>.</summary>
    internal static class BuiltInRulesets
    {
        public const string Prefix = "clawdstrike:";

        public static readonly IReadOnlyList<string> Names = new[] { "default", "strict", "ai-agent", "cicd", "permissive" };

        /// <summary>Recognises <c>NAME</c> or <c>clawdstrike:NAME</c>; returns the bare id.</summary>
        public static bool TryResolve(string reference, out string id)
        {
            string r = reference.StartsWith(Prefix, StringComparison.Ordinal) ? reference.Substring(Prefix.Length) : reference;
            id = Names.FirstOrDefault(n => string.Equals(n, r, StringComparison.Ordinal)) ?? string.Empty;
            return id.Length > 0;
        }

        public static string Yaml(string id)
        {
            using Stream? stream = typeof(BuiltInRulesets).Assembly.GetManifestResourceStream("PolicySim.Rulesets." + id + ".yaml");
            if (stream == null)
            {
                throw new InvalidOperationException("built-in ruleset missing from the engine assembly: " + id);
            }

            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
