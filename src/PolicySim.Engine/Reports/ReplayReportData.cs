using System;
using System.Collections.Generic;
using PolicySim.Policies;
using PolicySim.Replay;

namespace PolicySim.Reports
{
    /// <summary>
    /// Everything a report writer needs about one replay or compare: the summary (counts and groups), the policies
    /// (for titles and rule locations), the gate, and optionally the flips, errors and a <see cref="DecisionTally"/>.
    /// </summary>
    public sealed class ReplayReportData
    {
        /// <summary>Creates the data of a report.</summary>
        /// <param name="command"><c>replay</c>, <c>compare</c> or <c>merge</c>.</param>
        /// <param name="candidatePolicy">The candidate policy as given.</param>
        /// <param name="baselinePolicy">The baseline policy as given, or null for recorded decisions.</param>
        /// <param name="inputs">The inputs as given.</param>
        /// <param name="summary">The summary.</param>
        public ReplayReportData(string command, string candidatePolicy, string? baselinePolicy, IReadOnlyList<string> inputs, ReplaySummary summary)
        {
            Require.NotNull(summary, nameof(summary));

            Command = command ?? "compare";
            CandidatePolicy = candidatePolicy ?? string.Empty;
            BaselinePolicy = baselinePolicy;
            Inputs = inputs ?? Array.Empty<string>();
            Summary = summary;
        }

        /// <summary>Gets <c>replay</c>, <c>compare</c> or <c>merge</c>.</summary>
        public string Command { get; }

        /// <summary>Gets the candidate policy as given.</summary>
        public string CandidatePolicy { get; }

        /// <summary>Gets the baseline policy as given, or null when the baseline is the recorded decisions.</summary>
        public string? BaselinePolicy { get; }

        /// <summary>Gets the inputs as given.</summary>
        public IReadOnlyList<string> Inputs { get; }

        /// <summary>Gets the summary.</summary>
        public ReplaySummary Summary { get; }

        /// <summary>Gets the loaded candidate policy (for its name and rule locations), or null.</summary>
        public PolicyDefinition? Candidate { get; init; }

        /// <summary>Gets the loaded baseline policy, or null.</summary>
        public PolicyDefinition? Baseline { get; init; }

        /// <summary>Gets the gate; null means <see cref="PolicyGate.Default"/> (any outcome change is gated).</summary>
        public PolicyGate? Gate { get; init; }

        /// <summary>Gets decisions by guard and flips over time, or null (the HTML report then charts the groups).</summary>
        public DecisionTally? Tally { get; init; }

        /// <summary>Gets the flipped results for the JSON and JSONL reports, or null for a summary-only report.</summary>
        public IReadOnlyList<ReplayResult>? Flips { get; init; }

        /// <summary>Gets the records that could not be replayed (the first ones).</summary>
        public IReadOnlyList<ReplayError> Errors { get; init; } = Array.Empty<ReplayError>();

        /// <summary>Gets the exit code written in the JSON report.</summary>
        public int ExitCode { get; init; }

        /// <summary>Gets the folder that policy file locations are made relative to (the repository root in CI), or null for absolute paths.</summary>
        public string? BaseDirectory { get; init; }

        /// <summary>Gets how many groups the Markdown, text and HTML reports list (default 10).</summary>
        public int TopGroups { get; init; } = 10;

        /// <summary>Gets the time written in XML reports; null means the latest event time (else the Unix epoch), so output is deterministic.</summary>
        public DateTimeOffset? Timestamp { get; init; }

        /// <summary>Gets the effective gate: <see cref="Gate"/> or <see cref="PolicyGate.Default"/>.</summary>
        public PolicyGate EffectiveGate => Gate ?? PolicyGate.Default;

        /// <summary>Gets the baseline as written in reports: the policy as given, or <c>recorded</c>.</summary>
        public string BaselineName => BaselinePolicy ?? "recorded";

        /// <summary>Gets the first line of a report, e.g. <c>Policy compare: current.yaml -> candidate.yaml</c>.</summary>
        public string Title => string.Equals(Command, "replay", StringComparison.Ordinal)
            ? "Policy replay: " + CandidatePolicy + " vs " + BaselineName
            : "Policy compare: " + BaselineName + " -> " + CandidatePolicy;

        /// <summary>Evaluates the effective gate on the summary.</summary>
        /// <returns>The verdict.</returns>
        public GateResult EvaluateGate() => EffectiveGate.Evaluate(Summary);
    }
}
