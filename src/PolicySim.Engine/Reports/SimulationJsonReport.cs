using System;
using PolicySim.Evaluation;
using PolicySim.Policies;
using PolicySim.Serialization;

namespace PolicySim.Reports
{
    /// <summary>
    /// Builds the reference CLI's <c>simulate --json</c> report (spec §5.3) and <c>--jsonl</c> lines.
    /// Results are added as they are decided; the envelope (whose summary precedes the results) is written at the end.
    /// </summary>
    public sealed class SimulationJsonReport
    {
        private readonly string _policyReference;
        private readonly PolicyDefinition? _policy;
        private readonly string _eventsPath;
        private readonly bool _includeResults;
        private readonly SerdeJsonWriter _results = new SerdeJsonWriter(new System.Text.StringBuilder(), pretty: true, baseDepth: 1);

        /// <summary>Creates a report.</summary>
        /// <param name="policyReference">The policy argument as given.</param>
        /// <param name="policy">The loaded policy, or null when it failed to load.</param>
        /// <param name="eventsPath">The events argument as given (<c>-</c> for stdin).</param>
        /// <param name="includeResults">False for <c>--summary</c>: results stay an empty array.</param>
        public SimulationJsonReport(string policyReference, PolicyDefinition? policy, string eventsPath, bool includeResults)
        {
            _policyReference = policyReference ?? throw new ArgumentNullException(nameof(policyReference));
            _policy = policy;
            _eventsPath = eventsPath ?? throw new ArgumentNullException(nameof(eventsPath));
            _includeResults = includeResults;
            _results.WriteStartArray();
        }

        /// <summary>Adds one decision to the results.</summary>
        /// <param name="decision">The decision.</param>
        public void Add(PolicyDecision decision)
        {
            if (_includeResults)
            {
                ClawdstrikeJson.WriteResult(_results, decision ?? throw new ArgumentNullException(nameof(decision)));
            }
        }

        /// <summary>Writes the whole report.</summary>
        /// <param name="summary">The counts.</param>
        /// <param name="exitCode">The exit code.</param>
        /// <param name="errorMessage">The error, or null.</param>
        /// <param name="errorKind"><c>config_error</c> or <c>runtime_error</c>.</param>
        /// <returns>The pretty JSON text (no trailing newline).</returns>
        public string Finish(SimulationSummary summary, int exitCode, string? errorMessage, string errorKind)
        {
            if (summary is null)
            {
                throw new ArgumentNullException(nameof(summary));
            }

            _results.WriteEndArray();
            var w = new SerdeJsonWriter(pretty: true);
            w.WriteStartObject();
            w.WriteInteger("version", 1);
            w.WriteString("command", "policy_simulate");
            w.WritePropertyName("policy");
            ClawdstrikeJson.WritePolicySource(w, _policy, _policyReference);
            w.WritePropertyName("events");
            w.WriteStartObject();
            w.WriteString("path", _eventsPath);
            w.WriteInteger("count", summary.Total);
            w.WriteEndObject();
            w.WritePropertyName("summary");
            w.WriteStartObject();
            w.WriteInteger("total", summary.Total);
            w.WriteInteger("allowed", summary.Allowed);
            w.WriteInteger("warn", summary.Warn);
            w.WriteInteger("blocked", summary.Blocked);
            if (summary.Errors > 0)
            {
                // Not in the reference (which stops at the first bad line); present only when records were skipped.
                w.WriteInteger("errors", summary.Errors);
            }

            w.WriteEndObject();
            w.WritePropertyName("results");
            w.WriteRaw(_results.ToString());
            w.WriteInteger("exit_code", exitCode);
            if (errorMessage != null)
            {
                ClawdstrikeJson.WriteError(w, errorKind, errorMessage);
            }

            w.WriteEndObject();
            return w.ToString();
        }

        /// <summary>One compact result line of <c>simulate --jsonl</c>.</summary>
        /// <param name="decision">The decision.</param>
        /// <returns>The JSON line (no newline).</returns>
        public static string FormatResultLine(PolicyDecision decision)
        {
            return SerdeJsonWriter.FormatLine(decision ?? throw new ArgumentNullException(nameof(decision)), ClawdstrikeJson.WriteResult);
        }
    }
}
