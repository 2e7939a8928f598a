using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicySim.Evaluation;
using PolicySim.Replay;
using PolicySim.Serialization;

namespace PolicySim.Reports
{
    /// <summary>
    /// Builds the versioned replay/compare JSON report (<c>"schema": "policysim.replay/1"</c>, see docs/replay-report.md):
    /// summary, groups, the flipped results (unless summary-only) and the first errors. Flips are written as they
    /// come; the envelope is written at the end. Reports of shards can be merged (<see cref="Merge"/>).
    /// </summary>
    public sealed class ReplayJsonReport
    {
        /// <summary>The schema identifier written in every report.</summary>
        public const string Schema = "policysim.replay/1";

        /// <summary>The most errors a report lists (all are counted in <c>summary.errors</c>).</summary>
        public const int MaxListedErrors = 100;

        private readonly string _command;
        private readonly string _candidate;
        private readonly string _baseline;
        private readonly IReadOnlyList<string> _inputs;
        private readonly bool _includeFlips;
        private readonly SerdeJsonWriter _flips = new SerdeJsonWriter(new StringBuilder(), pretty: true, baseDepth: 1);
        private readonly SerdeJsonWriter _errors = new SerdeJsonWriter(new StringBuilder(), pretty: true, baseDepth: 1);
        private int _listedErrors;

        /// <summary>Creates a report.</summary>
        /// <param name="command"><c>replay</c>, <c>compare</c> or <c>merge</c>.</param>
        /// <param name="candidatePolicy">The candidate policy as given.</param>
        /// <param name="baselinePolicy">The baseline policy as given, or null for recorded decisions.</param>
        /// <param name="inputs">The inputs as given.</param>
        /// <param name="includeFlips">False for summary-only reports (no <c>flips</c> array).</param>
        public ReplayJsonReport(string command, string candidatePolicy, string? baselinePolicy, IReadOnlyList<string> inputs, bool includeFlips)
        {
            _command = command ?? throw new ArgumentNullException(nameof(command));
            _candidate = candidatePolicy ?? string.Empty;
            _baseline = baselinePolicy ?? "recorded";
            _inputs = inputs ?? Array.Empty<string>();
            _includeFlips = includeFlips;
            _flips.WriteStartArray();
            _errors.WriteStartArray();
        }

        /// <summary>Adds a result; only flips (kind other than None) are listed.</summary>
        /// <param name="result">The result.</param>
        public void Add(ReplayResult result)
        {
            Require.NotNull(result, nameof(result));

            if (_includeFlips && result.Flip != FlipKind.None)
            {
                WriteResult(_flips, result);
            }
        }

        /// <summary>Adds an error (the first <see cref="MaxListedErrors"/> are listed).</summary>
        /// <param name="error">The error.</param>
        public void Add(ReplayError error)
        {
            Require.NotNull(error, nameof(error));

            if (_listedErrors++ < MaxListedErrors)
            {
                _errors.WriteStartObject();
                _errors.WriteString("source", error.Source);
                _errors.WriteInteger("line", error.Line);
                _errors.WriteString("kind", error.Kind.ToString());
                _errors.WriteString("message", error.Message);
                _errors.WriteEndObject();
            }
        }

        /// <summary>Writes the whole report.</summary>
        /// <param name="summary">The summary.</param>
        /// <param name="exitCode">The exit code.</param>
        /// <returns>The pretty JSON (no trailing newline).</returns>
        public string Finish(ReplaySummary summary, int exitCode)
        {
            Require.NotNull(summary, nameof(summary));

            _flips.WriteEndArray();
            _errors.WriteEndArray();
            return Envelope(_command, _candidate, _baseline, _inputs, summary, _includeFlips ? _flips.ToString() : null, _errors.ToString(), exitCode);
        }

        /// <summary>One compact JSON line for a result (<c>--format jsonl</c>).</summary>
        /// <param name="result">The result.</param>
        /// <returns>The line, without a newline.</returns>
        public static string FormatResultLine(ReplayResult result)
        {
            return SerdeJsonWriter.FormatLine(result ?? throw new ArgumentNullException(nameof(result)), WriteResult);
        }

        /// <summary>
        /// Merges shard reports, given in input order, into one report: counts add, groups combine (sample ids: the
        /// first ones in input order), flips and errors are concatenated (flips only if every report has them).
        /// </summary>
        /// <param name="reports">The JSON texts of the reports, in input order.</param>
        /// <param name="names">The report names (paths), for the <c>inputs</c> list.</param>
        /// <param name="exitCode">Computes the merged report's <c>exit_code</c> from the merged summary; null for 0.</param>
        /// <returns>The merged report and its summary.</returns>
        /// <exception cref="FormatException">A report is not a <c>policysim.replay/1</c> report.</exception>
        public static (string Json, ReplaySummary Summary) Merge(IReadOnlyList<string> reports, IReadOnlyList<string> names, Func<ReplaySummary, int>? exitCode = null)
        {
            Require.NotNull(reports, nameof(reports));

            ReplaySummary? merged = null;
            var flips = new SerdeJsonWriter(new StringBuilder(), pretty: true, baseDepth: 1);
            var errors = new SerdeJsonWriter(new StringBuilder(), pretty: true, baseDepth: 1);
            flips.WriteStartArray();
            errors.WriteStartArray();
            bool allFlips = true;
            int listed = 0;
            string candidate = string.Empty, baseline = string.Empty;
            for (int i = 0; i < reports.Count; i++)
            {
                string name = names != null && i < names.Count ? names[i] : i.ToString(CultureInfo.InvariantCulture);
                JsonElement root;
                try
                {
                    root = JsonDocument.Parse(reports[i]).RootElement;
                }
                catch (JsonException ex)
                {
                    throw new FormatException(name + ": not JSON: " + ex.Message, ex);
                }

                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schema", out JsonElement schema) || schema.ValueKind != JsonValueKind.String || schema.GetString() != Schema)
                {
                    throw new FormatException(name + ": not a " + Schema + " report");
                }

                if (i == 0)
                {
                    candidate = Str(root, "candidate_policy") ?? string.Empty;
                    baseline = Str(root, "baseline") ?? string.Empty;
                }

                ReplaySummary part = ReadSummary(root, name);
                merged = merged == null ? part : ReplaySummary.Merge(merged, part);
                if (root.TryGetProperty("flips", out JsonElement f) && f.ValueKind == JsonValueKind.Array)
                {
                    foreach (JsonElement e in f.EnumerateArray())
                    {
                        flips.WriteElement(e, sortKeys: false);
                    }
                }
                else
                {
                    allFlips = false;
                }

                if (root.TryGetProperty("errors", out JsonElement errs) && errs.ValueKind == JsonValueKind.Array)
                {
                    foreach (JsonElement e in errs.EnumerateArray())
                    {
                        if (listed++ < MaxListedErrors)
                        {
                            errors.WriteElement(e, sortKeys: false);
                        }
                    }
                }
            }

            merged ??= new ReplaySummary();
            flips.WriteEndArray();
            errors.WriteEndArray();
            return (Envelope("merge", candidate, baseline, names ?? Array.Empty<string>(), merged, allFlips ? flips.ToString() : null, errors.ToString(), exitCode?.Invoke(merged) ?? 0), merged);
        }

        /// <summary>Reads the summary and groups of a report.</summary>
        /// <param name="root">The report.</param>
        /// <param name="name">The report name for errors.</param>
        /// <returns>The summary.</returns>
        internal static ReplaySummary ReadSummary(JsonElement root, string name)
        {
            try
            {
                JsonElement s = root.GetProperty("summary");
                var flips = new Dictionary<FlipKind, long>();
                foreach (JsonProperty p in s.GetProperty("flips").EnumerateObject())
                {
                    flips[ParseKind(p.Name)] = p.Value.GetInt64();
                }

                var groups = new List<FlipGroup>();
                foreach (JsonElement g in root.GetProperty("groups").EnumerateArray())
                {
                    var samples = new List<string>();
                    foreach (JsonElement id in g.GetProperty("sample_event_ids").EnumerateArray())
                    {
                        samples.Add(id.GetString()!);
                    }

                    groups.Add(new FlipGroup(
                        ParseKind(g.GetProperty("kind").GetString()!),
                        g.GetProperty("event_type").GetString()!,
                        g.GetProperty("target").GetString()!,
                        Str(g, "baseline_guard"),
                        Str(g, "candidate_guard"),
                        g.GetProperty("baseline").GetString()!,
                        g.GetProperty("candidate").GetString()!,
                        g.GetProperty("count").GetInt64(),
                        Time(g.GetProperty("first_seen").GetString()!),
                        Time(g.GetProperty("last_seen").GetString()!),
                        samples,
                        g.TryGetProperty("causes", out JsonElement causes) ? causes.EnumerateArray().Select(c => FlipCause.Parse(c.GetString()!)).ToList() : null));
                }

                return ReplaySummary.Restore(
                    s.GetProperty("total").GetInt64(),
                    s.GetProperty("unknown").GetInt64(),
                    s.GetProperty("errors").GetInt64(),
                    s.GetProperty("sampled_out").GetInt64(),
                    s.GetProperty("filtered_out").GetInt64(),
                    flips,
                    groups);
            }
            catch (Exception ex) when (ex is KeyNotFoundException || ex is InvalidOperationException || ex is ArgumentException || ex is FormatException || ex is OverflowException)
            {
                throw new FormatException(name + ": malformed " + Schema + " report: " + ex.Message, ex);
            }
        }

        private static FlipKind ParseKind(string name)
        {
            for (var k = FlipKind.None; k <= FlipKind.StateDependent; k++)
            {
                if (string.Equals(k.ToString(), name, StringComparison.Ordinal))
                {
                    return k;
                }
            }

            throw new FormatException("unknown flip kind " + name);
        }

        private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

        private static string FormatTime(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

        private static string? Str(JsonElement obj, string name) =>
            obj.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static string Envelope(string command, string candidate, string baseline, IReadOnlyList<string> inputs, ReplaySummary summary, string? flips, string errors, int exitCode)
        {
            var w = new SerdeJsonWriter(pretty: true);
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("command", command);
            w.WriteString("candidate_policy", candidate);
            w.WriteString("baseline", baseline);
            w.WritePropertyName("inputs");
            w.WriteStartArray();
            foreach (string input in inputs)
            {
                w.WriteString(input);
            }

            w.WriteEndArray();
            w.WritePropertyName("summary");
            w.WriteStartObject();
            w.WriteInteger("total", summary.Total);
            w.WriteInteger("changed", summary.Changed);
            w.WriteInteger("widening", summary.Widening);
            w.WriteInteger("breaking", summary.Breaking);
            w.WriteInteger("unknown", summary.Unknown);
            w.WriteInteger("errors", summary.Errors);
            w.WriteInteger("sampled_out", summary.SampledOut);
            w.WriteInteger("filtered_out", summary.FilteredOut);
            w.WritePropertyName("flips");
            w.WriteStartObject();
            foreach (var pair in summary.Flips)
            {
                w.WriteInteger(pair.Key.ToString(), pair.Value);
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WritePropertyName("groups");
            w.WriteStartArray();
            foreach (FlipGroup g in summary.Groups)
            {
                w.WriteStartObject();
                w.WriteString("kind", g.Kind.ToString());
                w.WriteString("class", g.Class.ToString());
                w.WriteString("event_type", g.EventType);
                w.WriteString("target", g.TargetPattern);
                w.WriteString("baseline_guard", g.BaselineGuard);
                w.WriteString("candidate_guard", g.CandidateGuard);
                w.WriteString("baseline", g.BaselineDecision);
                w.WriteString("candidate", g.CandidateDecision);
                w.WriteInteger("count", g.Count);
                w.WriteString("first_seen", FormatTime(g.FirstSeen));
                w.WriteString("last_seen", FormatTime(g.LastSeen));
                w.WritePropertyName("sample_event_ids");
                w.WriteStartArray();
                foreach (string id in g.SampleEventIds)
                {
                    w.WriteString(id);
                }

                w.WriteEndArray();
                w.WritePropertyName("causes");
                w.WriteStartArray();
                foreach (string cause in g.Causes)
                {
                    w.WriteString(cause);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (flips != null)
            {
                w.WritePropertyName("flips");
                w.WriteRaw(flips);
            }

            w.WritePropertyName("errors");
            w.WriteRaw(errors);
            w.WriteInteger("exit_code", exitCode);
            w.WriteEndObject();
            return w.ToString();
        }

        private static void WriteResult(SerdeJsonWriter w, ReplayResult r)
        {
            w.WriteStartObject();
            w.WriteString("event_id", r.EventId);
            w.WriteString("event_type", r.EventType);
            w.WriteString("timestamp", FormatTime(r.Timestamp));
            w.WriteString("target", r.Target);
            w.WriteString("flip", r.Flip.ToString());
            w.WriteString("class", r.FlipClass.ToString());
            w.WritePropertyName("baseline");
            WriteSide(w, r.Baseline);
            w.WritePropertyName("candidate");
            WriteSide(w, r.Candidate);
            w.WriteString("matched_pattern", r.MatchedPattern);
            w.WritePropertyName("unknown_fields");
            w.WriteStartArray();
            foreach (string f in r.UnknownFieldList)
            {
                w.WriteString(f);
            }

            w.WriteEndArray();
            w.WriteString("source", r.Source);
            w.WriteInteger("line", r.Line);
            w.WriteEndObject();
        }

        private static void WriteSide(SerdeJsonWriter w, ComparedDecision d)
        {
            w.WriteStartObject();
            w.WriteString("outcome", PolicyDecision.OutcomeWord(d.Outcome));
            w.WriteString("guard", d.Guard);
            w.WriteString("severity", d.Severity);
            w.WriteString("message", d.Message);
            w.WriteString("reason", d.Reason);
            w.WriteEndObject();
        }
    }
}
