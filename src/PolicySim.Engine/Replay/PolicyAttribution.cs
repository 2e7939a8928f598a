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
            summary.AttributeGroups(exemplars => CausesOf(exemplars, oldPolicy, newPolicy, diff), MaxGroups);
            return diff;
        }

        /// <summary>The causes of each example's flip, in the examples' order.</summary>
        private static IReadOnlyList<FlipCause>[] CausesOf(IReadOnlyList<PolicyEvent> exemplars, PolicyDefinition oldPolicy, PolicyDefinition newPolicy, PolicyDiffResult diff)
        {
            if (exemplars.Count == 0)
            {
                // Nothing flipped: no variant is needed (each one is a full policy load).
                return Array.Empty<IReadOnlyList<FlipCause>>();
            }

            PolicyChange? version = diff.Changes.FirstOrDefault(c => c.Path == "/version");
            PolicyChange[] changes = diff.Changes.Take(MaxChanges).ToArray();
            var before = new ComparedDecision?[exemplars.Count];
            var after = new ComparedDecision?[exemplars.Count];
            for (int g = 0; g < exemplars.Count; g++)
            {
                before[g] = Decide(oldPolicy, exemplars[g]);
                after[g] = Decide(newPolicy, exemplars[g]);
            }

            // Each variant is a full policy load (YAML, validation, compilation): build them on every core and decide
            // every example under a variant as soon as it is built, keeping only the verdicts, so that one variant per
            // core is alive at a time (all of them at once were ~10 MB of the 64 MB memory budget). A section that needs
            // a newer schema (path_allowlist, posture) is only valid with the version bump, which by itself changes no
            // decision; try the two together. Null row: the change alone is not a valid policy.
            var effects = new ChangeEffect[changes.Length][];
            try
            {
                System.Threading.Tasks.Parallel.For(0, changes.Length, i =>
                {
                    PolicyChange change = changes[i];
                    PolicyDefinition? variant = WithChange(oldPolicy, change) ?? (version != null && change != version ? WithChange(oldPolicy, change, version) : null);
                    if (variant != null)
                    {
                        effects[i] = EffectsOf(variant, exemplars, before, after);
                    }
                });
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
            {
                // Surface the failure itself, as the sequential loop did.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
                throw;
            }

            var causes = new IReadOnlyList<FlipCause>[exemplars.Count];
            for (int g = 0; g < exemplars.Count; g++)
            {
                causes[g] = CausesOf(g, before[g], after[g], changes, effects, diff.Changes);
            }

            return causes;
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

        /// <summary>What one variant does to each example: nothing, the whole flip alone, or part of it.</summary>
        private static ChangeEffect[] EffectsOf(PolicyDefinition variant, IReadOnlyList<PolicyEvent> exemplars, ComparedDecision?[] before, ComparedDecision?[] after)
        {
            var row = new ChangeEffect[exemplars.Count];
            for (int g = 0; g < exemplars.Count; g++)
            {
                if (before[g] == null || after[g] == null)
                {
                    continue;
                }

                ComparedDecision? d = Decide(variant, exemplars[g]);
                if (d == null || FlipClassifier.Classify(before[g]!, d) == FlipKind.None)
                {
                    continue;
                }

                row[g] = FlipClassifier.Classify(after[g]!, d) == FlipKind.None ? ChangeEffect.Responsible : ChangeEffect.Contributing;
            }

            return row;
        }

        private static IReadOnlyList<FlipCause> CausesOf(int group, ComparedDecision? before, ComparedDecision? after, PolicyChange[] changes, ChangeEffect[]?[] effects, IReadOnlyList<PolicyChange> allChanges)
        {
            if (before == null || after == null)
            {
                return Array.Empty<FlipCause>();
            }

            var responsible = new List<FlipCause>();
            var contributing = new List<FlipCause>();
            for (int i = 0; i < changes.Length; i++)
            {
                ChangeEffect effect = effects[i]?[group] ?? ChangeEffect.None;
                if (effect != ChangeEffect.None)
                {
                    bool alone = effect == ChangeEffect.Responsible;
                    (alone ? responsible : contributing).Add(new FlipCause(Describe(changes[i]), changes[i], alone));
                }
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
        internal static PolicyDefinition? WithChange(PolicyDefinition oldPolicy, params PolicyChange[] changes) => WithChange(oldPolicy, changes, viaText: false);

        /// <summary>
        /// As <see cref="WithChange(PolicyDefinition, PolicyChange[])"/>; <paramref name="viaText"/> loads the variant
        /// from its JSON text instead of from YAML nodes built in memory (<see cref="ValueYaml"/>), the way it used to:
        /// tests prove the two give the same policies.
        /// </summary>
        internal static PolicyDefinition? WithChange(PolicyDefinition oldPolicy, PolicyChange[] changes, bool viaText)
        {
            var tree = PolicyDiff.Tree(oldPolicy);
            foreach (PolicyChange change in changes)
            {
                if (!Apply(tree, change))
                {
                    return null;
                }
            }

            // Placeholders were validated when the real policies loaded; here any name resolves.
            var options = new PolicyLoadOptions { Environment = _ => string.Empty };
            try
            {
                if (viaText)
                {
                    var w = new SerdeJsonWriter(pretty: true);
                    ValueJson.Write(w, tree);
                    return PolicyLoader.LoadYaml(w.ToString(), "<attribution>", options);
                }

                return PolicyLoader.LoadNode(ValueYaml.ToNode(tree), "<attribution>", options);
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

    /// <summary>What applying one change to the old policy does to a flip group's example decision.</summary>
    internal enum ChangeEffect : byte
    {
        /// <summary>The decision does not move (or the example cannot be decided).</summary>
        None,

        /// <summary>The change alone turns the old decision into the new one.</summary>
        Responsible,

        /// <summary>The change moves the decision, but not all the way to the new one.</summary>
        Contributing,
    }
}
