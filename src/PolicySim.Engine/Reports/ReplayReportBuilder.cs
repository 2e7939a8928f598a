using System;
using System.Collections.Generic;
using PolicySim.Policies;
using PolicySim.Replay;

namespace PolicySim.Reports
{
    /// <summary>
    /// Aggregates what a host receives one object at a time — <see cref="ReplayResult"/> objects and whole
    /// <see cref="ReplaySummary"/> objects, in input order — into the <see cref="ReplayReportData"/> of one report or
    /// gate. Results are counted into a summary and a <see cref="DecisionTally"/>; summaries are merged
    /// (<see cref="ReplaySummary.Merge"/>). Memory grows with the groups and with the flipped results kept for the JSON
    /// report, never with unchanged results.
    /// </summary>
    public sealed class ReplayReportBuilder
    {
        private readonly bool _keepFlips;
        private readonly List<ReplayResult> _flips = new List<ReplayResult>();
        private readonly DecisionTally _tally = new DecisionTally();
        private readonly List<string> _sources = new List<string>();
        private ReplaySummary _results = new ReplaySummary();
        private ReplaySummary? _merged;

        /// <summary>Creates a builder.</summary>
        /// <param name="keepFlips">Whether to keep the flipped results for the JSON and JSONL reports (a gate does not need them).</param>
        public ReplayReportBuilder(bool keepFlips = true)
        {
            _keepFlips = keepFlips;
        }

        /// <summary>Gets the number of results added.</summary>
        public long ResultCount { get; private set; }

        /// <summary>Gets the number of summaries added.</summary>
        public long SummaryCount { get; private set; }

        /// <summary>Gets whether any result with flip kind <see cref="FlipKind.None"/> was added (a stream of flips only has none, so its total is only the flips).</summary>
        public bool HasUnchangedResults { get; private set; }

        /// <summary>Gets whether nothing was added.</summary>
        public bool IsEmpty => ResultCount == 0 && SummaryCount == 0;

        /// <summary>Gets the summary of everything added so far, in input order.</summary>
        public ReplaySummary Summary => _merged == null ? _results : ReplaySummary.Merge(_merged, _results);

        /// <summary>Builds the summary of a stream of results (what <c>Measure</c>-style hosts need).</summary>
        /// <param name="results">The results, in input order.</param>
        /// <returns>The summary.</returns>
        public static ReplaySummary SummaryOf(IEnumerable<ReplayResult> results)
        {
            Require.NotNull(results, nameof(results));

            var builder = new ReplayReportBuilder(keepFlips: false);
            foreach (ReplayResult r in results)
            {
                builder.Add(r);
            }

            return builder.Summary;
        }

        /// <summary>
        /// The exit code of a replay or compare (docs/reports.md): with a gate, 3 when records could not be replayed,
        /// else 2 when the gate fails, else 0; without one, 3 for errors, 2 for any outcome change, 1 for other
        /// differences, else 0.
        /// </summary>
        /// <param name="summary">The summary.</param>
        /// <param name="gate">The gate, or null.</param>
        /// <returns>0, 1, 2 or 3.</returns>
        public static int ExitCodeFor(ReplaySummary summary, PolicyGate? gate)
        {
            Require.NotNull(summary, nameof(summary));

            if (summary.Errors > 0)
            {
                return 3;
            }

            if (gate != null)
            {
                return gate.Evaluate(summary).Passed ? 0 : 2;
            }

            return summary.Changed > 0 ? 2 : summary.Total - summary.Count(FlipKind.None) > 0 ? 1 : 0;
        }

        /// <summary>Adds one result.</summary>
        /// <param name="result">The result.</param>
        public void Add(ReplayResult result)
        {
            Require.NotNull(result, nameof(result));

            ResultCount++;
            _results.Add(result);
            _tally.Add(result);
            if (result.Flip == FlipKind.None)
            {
                HasUnchangedResults = true;
            }
            else if (_keepFlips)
            {
                _flips.Add(result);
            }

            if (!_sources.Contains(result.Source))
            {
                _sources.Add(result.Source);
            }
        }

        /// <summary>Adds a whole summary (merged after what was added before it).</summary>
        /// <param name="summary">The summary.</param>
        public void Add(ReplaySummary summary)
        {
            Require.NotNull(summary, nameof(summary));

            SummaryCount++;
            _merged = ReplaySummary.Merge(Summary, summary);
            _results = new ReplaySummary();
        }

        /// <summary>
        /// Builds the report data. The command is <c>compare</c> unless only a candidate policy is known
        /// (<c>replay</c> against recorded decisions). With both policies and results only, the groups are attributed
        /// to policy changes (<see cref="PolicyAttribution"/>); summaries keep the causes they carry.
        /// </summary>
        /// <param name="candidate">The candidate (difference) policy, or null.</param>
        /// <param name="baseline">The baseline (reference) policy, or null.</param>
        /// <param name="gate">The gate, or null for <see cref="PolicyGate.Default"/>.</param>
        /// <param name="baseDirectory">The folder policy file locations are made relative to, or null.</param>
        /// <returns>The data.</returns>
        public ReplayReportData Build(PolicyDefinition? candidate, PolicyDefinition? baseline, PolicyGate? gate, string? baseDirectory)
        {
            bool resultsOnly = SummaryCount == 0;
            ReplaySummary summary = Summary;
            if (resultsOnly && candidate != null && baseline != null && summary.GroupCount > 0)
            {
                PolicyAttribution.Attribute(baseline, candidate, summary);
            }

            bool replay = baseline == null && candidate != null;
            string candidateName = candidate?.Reference ?? "candidate";
            string? baselineName = baseline?.Reference ?? (replay ? null : "baseline");
            return new ReplayReportData(replay ? "replay" : "compare", candidateName, baselineName, _sources.ToArray(), summary)
            {
                Candidate = candidate,
                Baseline = baseline,
                Gate = gate,
                Tally = resultsOnly && ResultCount > 0 ? _tally : null,
                Flips = ResultCount > 0 && _keepFlips ? _flips.ToArray() : null,
                ExitCode = ExitCodeFor(summary, gate),
                BaseDirectory = baseDirectory,
            };
        }
    }
}
