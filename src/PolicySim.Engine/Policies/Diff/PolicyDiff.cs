using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PolicySim.Policies.Clawdstrike;
using PolicySim.Serialization;

namespace PolicySim.Policies.Diff
{
    /// <summary>
    /// Structural diff of two resolved policies (spec §5.7): both are serialized in the reference's field order and
    /// compared recursively — objects by the sorted union of keys, arrays by index; a leaf whose type or value differs
    /// is <c>changed</c>. Entries are sorted by path. Rule-level additions and removals are reported beside it.
    /// </summary>
    public static class PolicyDiff
    {
        /// <summary>Compares two policies.</summary>
        /// <param name="oldPolicy">The old (reference) policy.</param>
        /// <param name="newPolicy">The new (difference) policy.</param>
        /// <returns>The differences.</returns>
        public static PolicyDiffResult Compare(PolicyDefinition oldPolicy, PolicyDefinition newPolicy)
        {
            if (oldPolicy is null)
            {
                throw new ArgumentNullException(nameof(oldPolicy));
            }

            if (newPolicy is null)
            {
                throw new ArgumentNullException(nameof(newPolicy));
            }

            var changes = new List<PolicyChange>();
            Walk(Tree(oldPolicy), Tree(newPolicy), string.Empty, changes, newPolicy, oldPolicy);
            changes.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            var oldIds = new HashSet<string>(oldPolicy.Rules.Select(r => r.Id), StringComparer.Ordinal);
            var newIds = new HashSet<string>(newPolicy.Rules.Select(r => r.Id), StringComparer.Ordinal);
            return new PolicyDiffResult(
                oldPolicy,
                newPolicy,
                changes,
                newPolicy.Rules.Where(r => !oldIds.Contains(r.Id)).ToList(),
                oldPolicy.Rules.Where(r => !newIds.Contains(r.Id)).ToList());
        }

        internal static List<KeyValuePair<string, object?>> Tree(PolicyDefinition policy) =>
            ClawdstrikeDocumentTree.Build(policy.Document ?? throw new InvalidOperationException("policy has no Clawdstrike document: " + policy));

        /// <summary>The reference's JSON-pointer escaping of one key: <c>~</c> → <c>~0</c>, <c>/</c> → <c>~1</c>.</summary>
        internal static string Escape(string key) => key.Replace("~", "~0").Replace("/", "~1");

        internal static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

        private static void Walk(object? a, object? b, string path, List<PolicyChange> changes, PolicyDefinition newPolicy, PolicyDefinition oldPolicy)
        {
            var objA = AsObject(a);
            var objB = AsObject(b);
            if (objA != null && objB != null)
            {
                foreach (string key in objA.Keys.Union(objB.Keys).OrderBy(k => k, CodePointComparer.Instance))
                {
                    string child = path + "/" + Escape(key);
                    bool inA = objA.TryGetValue(key, out object? va);
                    bool inB = objB.TryGetValue(key, out object? vb);
                    if (inA && inB)
                    {
                        Walk(va, vb, child, changes, newPolicy, oldPolicy);
                    }
                    else if (inB)
                    {
                        changes.Add(new PolicyChange(child, PolicyChangeKind.Added, null, vb, Locate(newPolicy, child, vb)));
                    }
                    else
                    {
                        changes.Add(new PolicyChange(child, PolicyChangeKind.Removed, va, null, Locate(oldPolicy, child, va)));
                    }
                }

                return;
            }

            var listA = AsList(a);
            var listB = AsList(b);
            if (listA != null && listB != null)
            {
                int n = Math.Max(listA.Count, listB.Count);
                for (int i = 0; i < n; i++)
                {
                    string child = path + "/" + i.ToString(CultureInfo.InvariantCulture);
                    if (i >= listA.Count)
                    {
                        changes.Add(new PolicyChange(child, PolicyChangeKind.Added, null, listB[i], Locate(newPolicy, child, listB[i])));
                    }
                    else if (i >= listB.Count)
                    {
                        changes.Add(new PolicyChange(child, PolicyChangeKind.Removed, listA[i], null, Locate(oldPolicy, child, listA[i])));
                    }
                    else
                    {
                        Walk(listA[i], listB[i], child, changes, newPolicy, oldPolicy);
                    }
                }

                return;
            }

            if (!string.Equals(ValueJson.Compact(a), ValueJson.Compact(b), StringComparison.Ordinal))
            {
                changes.Add(new PolicyChange(path, PolicyChangeKind.Changed, a, b, Locate(newPolicy, path, b)));
            }
        }

        /// <summary>Finds the rule a change lands on: same guard, and a string value equal to the rule's pattern.</summary>
        private static SourceLocation? Locate(PolicyDefinition policy, string path, object? value)
        {
            if (!path.StartsWith("/guards/", StringComparison.Ordinal))
            {
                return null;
            }

            string guard = path.Substring("/guards/".Length).Split('/')[0];
            if (guard == "jailbreak")
            {
                guard = "jailbreak_detection";
            }

            // A string lands on the rule with that pattern; anything else (a number, a whole section) on the guard's
            // first written rule, which is where a reviewer starts reading.
            return value is string s
                ? policy.Rules.FirstOrDefault(r => r.Guard == guard && string.Equals(r.Pattern, s, StringComparison.Ordinal) && r.Location != null)?.Location
                : policy.Rules.FirstOrDefault(r => r.Guard == guard && r.Location != null)?.Location;
        }

        internal static Dictionary<string, object?>? AsObject(object? value)
        {
            switch (value)
            {
                case List<KeyValuePair<string, object?>> ordered:
                    var d = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var pair in ordered)
                    {
                        d[pair.Key] = pair.Value;
                    }

                    return d;
                case IDictionary<string, object?> dict:
                    return new Dictionary<string, object?>(dict, StringComparer.Ordinal);
                default:
                    return null;
            }
        }

        internal static List<object?>? AsList(object? value) =>
            value is string || value is null || AsObject(value) != null ? null : value is IEnumerable e ? e.Cast<object?>().ToList() : null;
    }
}
