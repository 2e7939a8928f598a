using System;
using System.Collections.Generic;
using System.Linq;
using PolicySim.Evaluation;
using PolicySim.Events;
using PolicySim.Policies;
using PolicySim.Policies.Clawdstrike;
using PolicySim.Policies.Diff;
using PolicySim.Serialization;

namespace PolicySim.Replay
{
    /// <summary>
    /// Attribution (design §5): for each flip group, the policy change(s) that cause it, found by re-deciding the group's
    /// example event under the old policy with one structural change (see <see cref="PolicyDiff"/>) applied at a time.
    /// A change is <em>responsible</em> when it alone turns the old decision into the new one; when no single change
    /// does (the flip needs several together), every change that moves the decision at all is listed as contributing.
    /// </summary>
    public static class PolicyAttribution
    {
        /// <summary>At most this many changes are tried (each costs one policy compile).</summary>
        public const int MaxChanges = 500;

        /// <summary>At most this many groups (largest first) are attributed.</summary>
        public const int MaxGroups = 200;

        /// <summary>Sets <see cref="FlipGroup.Causes"/> for the groups of a comparison of <paramref name="oldPolicy"/> and <paramref name="newPolicy"/>.</summary>
        /// <param name="oldPolicy">The reference (old) policy.</param>
        /// <param name="newPolicy">The difference (new) policy.</param>
        /// <param name="summary">The comparison's summary.</param>
        /// <returns>The structural diff used.</returns>
        public static PolicyDiffResult Attribute(PolicyDefinition oldPolicy, PolicyDefinition newPolicy, ReplaySummary summary)
        {
            Require.NotNull(oldPolicy, nameof(oldPolicy));
            Require.NotNull(newPolicy, nameof(newPolicy));
            Require.NotNull(summary, nameof(summary));
            PolicyDiffResult diff = PolicyDiff.Compare(oldPolicy, newPolicy);
            PolicyChange? version = diff.Changes.FirstOrDefault(c => c.Path == "/version");
            PolicyChange[] changes = diff.Changes.Take(MaxChanges).ToArray();

            // Each variant is a full policy load (YAML, validation, compilation): build them on every core, keep the
            // changes' order. A section that needs a newer schema (path_allowlist, posture) is only valid with the
            // version bump, which by itself changes no decision; try the two together.
            var built = new PolicyDefinition?[changes.Length];
            try
            {
                System.Threading.Tasks.Parallel.For(0, changes.Length, i =>
                {
                    PolicyChange change = changes[i];
                    built[i] = WithChange(oldPolicy, change) ?? (version != null && change != version ? WithChange(oldPolicy, change, version) : null);
                });
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
            {
                // Surface the failure itself, as the sequential loop did.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
                throw;
            }

            var variants = new List<(PolicyChange Change, PolicyDefinition Policy)>();
            for (int i = 0; i < changes.Length; i++)
            {
                if (built[i] is PolicyDefinition variant)
                {
                    variants.Add((changes[i], variant));
                }
            }

            summary.AttributeGroups(ev => CausesOf(ev, oldPolicy, newPolicy, variants, diff.Changes), MaxGroups);
            return diff;
        }

        /// <summary>Describes a change for a report: the diff line plus where the new value was written.</summary>
        /// <param name="change">The change.</param>
        /// <returns>e.g. <c>+ /guards/egress_allowlist/block/0: null -> "paste.example" (candidate.yaml:17)</c>.</returns>
        public static string Describe(PolicyChange change)
        {
            Require.NotNull(change, nameof(change));
            return change.Location == null
                ? change.ToString()
                : change + " (" + change.Location.Source + ":" + change.Location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
        }

        private static IReadOnlyList<FlipCause> CausesOf(PolicyEvent ev, PolicyDefinition oldPolicy, PolicyDefinition newPolicy, List<(PolicyChange Change, PolicyDefinition Policy)> variants, IReadOnlyList<PolicyChange> allChanges)
        {
            ComparedDecision? before = Decide(oldPolicy, ev);
            ComparedDecision? after = Decide(newPolicy, ev);
            if (before == null || after == null)
            {
                return Array.Empty<FlipCause>();
            }

            var responsible = new List<FlipCause>();
            var contributing = new List<FlipCause>();
            foreach (var (change, policy) in variants)
            {
                ComparedDecision? d = Decide(policy, ev);
                if (d == null || FlipClassifier.Classify(before, d) == FlipKind.None)
                {
                    continue;
                }

                bool alone = FlipClassifier.Classify(after, d) == FlipKind.None;
                (alone ? responsible : contributing).Add(new FlipCause(Describe(change), change, alone));
            }

            if (responsible.Count > 0)
            {
                return responsible;
            }

            if (contributing.Count == 0)
            {
                // No change moves the decision on its own (e.g. a host removed from the block list AND added to the
                // allow list): name every change in the deciding guards' sections.
                var guards = new HashSet<string?>(new[] { before.Guard, after.Guard }.Select(g => g == "jailbreak_detection" ? "jailbreak" : g));
                contributing.AddRange(allChanges.Where(c => c.Guard != null && guards.Contains(c.Guard)).Select(c => new FlipCause(Describe(c), c, responsible: false)));
            }

            return contributing;
        }

        private static ComparedDecision? Decide(PolicyDefinition policy, PolicyEvent ev)
        {
            try
            {
                return ComparedDecision.FromDecision(PolicyDecider.Decide(policy, ev));
            }
            catch (PolicyEventMappingException)
            {
                return null;
            }
        }

        /// <summary>The old policy with one change applied, re-validated and compiled; null when that alone is not a valid policy.</summary>
        internal static PolicyDefinition? WithChange(PolicyDefinition oldPolicy, params PolicyChange[] changes)
        {
            var tree = PolicyDiff.Tree(oldPolicy);
            foreach (PolicyChange change in changes)
            {
                if (!Apply(tree, change))
                {
                    return null;
                }
            }

            var w = new SerdeJsonWriter(pretty: true);
            ValueJson.Write(w, tree);
            try
            {
                // Placeholders were validated when the real policies loaded; here any name resolves.
                return PolicyLoader.LoadYaml(w.ToString(), "<attribution>", new PolicyLoadOptions { Environment = _ => string.Empty });
            }
            catch (PolicyLoadException)
            {
                return null;
            }
        }

        private static bool Apply(List<KeyValuePair<string, object?>> root, PolicyChange change)
        {
            string[] segments = change.Path.Split('/').Skip(1).Select(PolicyDiff.Unescape).ToArray();
            if (segments.Length == 0)
            {
                return false;
            }

            object? parent = root;
            for (int i = 0; i < segments.Length - 1; i++)
            {
                parent = Child(parent, segments[i]);
                if (parent == null)
                {
                    return false;
                }
            }

            string last = segments[segments.Length - 1];
            switch (parent)
            {
                case List<KeyValuePair<string, object?>> obj:
                    int at = obj.FindIndex(p => p.Key == last);
                    if (change.Kind == PolicyChangeKind.Removed)
                    {
                        if (at >= 0)
                        {
                            obj.RemoveAt(at);
                        }
                    }
                    else if (at >= 0)
                    {
                        obj[at] = new KeyValuePair<string, object?>(last, change.NewTree);
                    }
                    else
                    {
                        obj.Add(new KeyValuePair<string, object?>(last, change.NewTree));
                    }

                    return true;
                case IDictionary<string, object?> dict:
                    if (change.Kind == PolicyChangeKind.Removed)
                    {
                        dict.Remove(last);
                    }
                    else
                    {
                        dict[last] = change.NewTree;
                    }

                    return true;
                case List<object?> list when int.TryParse(last, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index):
                    if (change.Kind == PolicyChangeKind.Removed)
                    {
                        if (index < list.Count)
                        {
                            list.RemoveAt(index);
                        }
                    }
                    else if (change.Kind == PolicyChangeKind.Added || index >= list.Count)
                    {
                        list.Insert(Math.Min(index, list.Count), change.NewTree);
                    }
                    else
                    {
                        list[index] = change.NewTree;
                    }

                    return true;
                default:
                    return false;
            }
        }

        private static object? Child(object? node, string segment)
        {
            switch (node)
            {
                case List<KeyValuePair<string, object?>> obj:
                    int at = obj.FindIndex(p => p.Key == segment);
                    return at >= 0 ? obj[at].Value : null;
                case IDictionary<string, object?> dict:
                    return dict.TryGetValue(segment, out object? v) ? v : null;
                case List<object?> list when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index):
                    return index < list.Count ? list[index] : null;
                default:
                    return null;
            }
        }
    }
}
