using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicySim.Evaluation.Guards
{
    /// <summary><c>patch_integrity</c> (spec §3.5): forbidden text on added lines, size limits and balance.</summary>
    internal sealed class PatchIntegrityGuard : IGuard
    {
        public const string GuardName = "patch_integrity";

        private readonly (string Source, Regex Regex)[] _forbidden;

        // Per forbidden pattern: whether it sees nothing outside its match but word boundaries. For those, one search
        // of the whole diff answers for every line at once when it finds nothing (the usual case); line breaks and the
        // text's ends are all non-word characters, so a line's match is also a match in the whole diff.
        private readonly bool[] _unanchored;

        // Per forbidden pattern: the literal every match starts with; a diff without it needs no search at all.
        private readonly Matching.LeadingLiteral[] _prefilters;
        private readonly long _maxAdditions;
        private readonly long _maxDeletions;
        private readonly bool _requireBalance;
        private readonly double _maxImbalanceRatio;

        public PatchIntegrityGuard((string Source, Regex Regex)[] forbidden, long maxAdditions, long maxDeletions, bool requireBalance, double maxImbalanceRatio)
        {
            _forbidden = forbidden;
            _unanchored = new bool[forbidden.Length];
            _prefilters = new Matching.LeadingLiteral[forbidden.Length];
            for (int i = 0; i < forbidden.Length; i++)
            {
                _unanchored[i] = Matching.RustPatternFacts.IsUnanchored(forbidden[i].Source);
                _prefilters[i] = Matching.LeadingLiteral.Of(forbidden[i].Source);
            }
            _maxAdditions = maxAdditions;
            _maxDeletions = maxDeletions;
            _requireBalance = requireBalance;
            _maxImbalanceRatio = maxImbalanceRatio;
            var key = new GuardConfigKey(GuardName).Add(forbidden.Length);
            foreach (var (source, regex) in forbidden)
            {
                key.Add(source).Add(regex.MatchTimeout.Ticks);
            }

            ConfigKey = key.Add(maxAdditions).Add(maxDeletions).Add(requireBalance).Add(maxImbalanceRatio).ToString();
        }

        public string Name => GuardName;

        public string ConfigKey { get; }

        public GuardStage Stage => GuardStage.Standard;

        public bool Handles(PolicyAction action) => action.Kind == ActionKind.Patch;

        public GuardResult Evaluate(PolicyAction action)
        {
            var patch = (PatchAction)action;
            string diff = patch.Diff;
            long additions = 0, deletions = 0;
            List<string>? hits = null;
            bool[]? active = null;
            int activeCount = 0;
            var scan = new Matching.LiteralScan(diff);
            for (int i = 0; i < _forbidden.Length; i++)
            {
                if (!_prefilters[i].MayMatch(ref scan))
                {
                    continue;
                }

                if (!_unanchored[i] || _forbidden[i].Regex.IsMatch(diff))
                {
                    (active ??= new bool[_forbidden.Length])[i] = true;
                    activeCount++;
                }
            }

            int start = 0;
            while (start < diff.Length)
            {
                int nl = diff.IndexOf('\n', start);
                int end = nl < 0 ? diff.Length : nl;
                int lineEnd = end > start && diff[end - 1] == '\r' ? end - 1 : end;
                if (lineEnd > start)
                {
                    char c = diff[start];
                    if (c == '+' && !StartsWith(diff, start, lineEnd, "+++"))
                    {
                        additions++;
                        if (activeCount > 0)
                        {
                            string line = diff.Substring(start, lineEnd - start);
                            for (int i = 0; i < _forbidden.Length; i++)
                            {
                                if (active![i] && _forbidden[i].Regex.IsMatch(line))
                                {
                                    (hits ??= new List<string>()).Add(_forbidden[i].Source);
                                }
                            }
                        }
                    }
                    else if (c == '-' && !StartsWith(diff, start, lineEnd, "---"))
                    {
                        deletions++;
                    }
                }

                if (nl < 0)
                {
                    break;
                }

                start = nl + 1;
            }

            double ratio = deletions > 0 ? (double)additions / deletions : (additions > 0 ? double.PositiveInfinity : 1.0);
            bool tooManyAdditions = additions > _maxAdditions;
            bool tooManyDeletions = deletions > _maxDeletions;
            bool imbalanced = _requireBalance && ratio > _maxImbalanceRatio;
            if (hits == null && !tooManyAdditions && !tooManyDeletions && !imbalanced)
            {
                return GuardResult.Allow(GuardName);
            }

            var parts = new List<string>(4);
            if (hits != null)
            {
                parts.Add("Contains forbidden patterns: " + string.Join(", ", hits));
            }

            if (tooManyAdditions)
            {
                parts.Add("Too many additions: " + additions.ToString(CultureInfo.InvariantCulture) + " (max: " + _maxAdditions.ToString(CultureInfo.InvariantCulture) + ")");
            }

            if (tooManyDeletions)
            {
                parts.Add("Too many deletions: " + deletions.ToString(CultureInfo.InvariantCulture) + " (max: " + _maxDeletions.ToString(CultureInfo.InvariantCulture) + ")");
            }

            if (imbalanced)
            {
                parts.Add("Imbalanced patch: ratio " + RustFormat.Fixed2(ratio) + " (max: " + RustFormat.Fixed2(_maxImbalanceRatio) + ")");
            }

            var details = Details.Create();
            details["additions"] = additions;
            details["deletions"] = deletions;
            details["forbidden_matches"] = (long)(hits?.Count ?? 0);
            details["imbalance_ratio"] = double.IsInfinity(ratio) ? null : (object)ratio;
            details["path"] = patch.Path;
            string? pattern = hits != null ? hits[0] : tooManyAdditions ? "max_additions" : tooManyDeletions ? "max_deletions" : "max_imbalance_ratio";
            return GuardResult.Block(GuardName, hits != null ? GuardSeverity.Critical : GuardSeverity.Error, string.Join("; ", parts), details, pattern);
        }

        private static bool StartsWith(string s, int start, int end, string prefix)
        {
            if (end - start < prefix.Length)
            {
                return false;
            }

            return string.CompareOrdinal(s, start, prefix, 0, prefix.Length) == 0;
        }
    }
}
