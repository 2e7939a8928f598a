using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using PolicySim.Evaluation;
using PolicySim.Events;
using PolicySim.Serialization;

namespace PolicySim.Replay
{
    /// <summary>
    /// Turns raw records (from <see cref="EventStreamReader"/>) into recorded decisions, one at a time. The format
    /// is detected from the first readable record unless given. Bad records become errors in place, naming source
    /// and line; reading goes on.
    /// </summary>
    public static class RecordedDecisionReader
    {
        /// <summary>Reads recorded decisions in PolicyEvent or daemon-audit shape (simulate output needs <see cref="JoinSimulateOutput"/>).</summary>
        /// <param name="records">Raw records.</param>
        /// <param name="format">The format, or <see cref="RecordedDecisionFormat.Auto"/>.</param>
        /// <returns>Records and errors in input order.</returns>
        public static IEnumerable<RecordedDecisionReadResult> Read(IEnumerable<EventReadResult> records, RecordedDecisionFormat format = RecordedDecisionFormat.Auto)
        {
            Require.NotNull(records, nameof(records));

            return ReadIterator(records, format);
        }

        /// <summary>
        /// Joins reference <c>simulate --jsonl</c> output with the events it decided, by event id (the k-th output with
        /// an id pairs with the k-th event with that id). One side is held in memory, the other streamed; results come
        /// in the streamed side's order, then one <see cref="ReplayErrorKind.Unmatched"/> error per held record left over.
        /// </summary>
        /// <param name="simulateOutput">The simulate output lines.</param>
        /// <param name="events">The PolicyEvents.</param>
        /// <param name="held">Which side to hold in memory: pass the smaller one.</param>
        /// <returns>Joined records and errors.</returns>
        public static IEnumerable<RecordedDecisionReadResult> JoinSimulateOutput(IEnumerable<EventReadResult> simulateOutput, IEnumerable<EventReadResult> events, RecordJoinSide held)
        {
            Require.NotNull(simulateOutput, nameof(simulateOutput));

            Require.NotNull(events, nameof(events));

            return JoinIterator(simulateOutput, events, held);
        }

        /// <summary>Detects the format of one record.</summary>
        /// <param name="root">The parsed record.</param>
        /// <returns>The format (<see cref="RecordedDecisionFormat.PolicyEvents"/> when nothing else fits).</returns>
        public static RecordedDecisionFormat Detect(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return RecordedDecisionFormat.PolicyEvents;
            }

            bool hasData = root.TryGetProperty("data", out _);
            if (root.TryGetProperty("action_type", out _)
                || (!hasData && root.TryGetProperty("id", out _) && root.TryGetProperty("decision", out JsonElement d) && d.ValueKind == JsonValueKind.String))
            {
                return RecordedDecisionFormat.DaemonAudit;
            }

            bool hasEventType = root.TryGetProperty("eventType", out _) || root.TryGetProperty("event_type", out _);
            if (!hasData && !hasEventType && (root.TryGetProperty("report", out _) || root.TryGetProperty("decision", out _)))
            {
                return RecordedDecisionFormat.SimulateOutput;
            }

            return RecordedDecisionFormat.PolicyEvents;
        }

        private static IEnumerable<RecordedDecisionReadResult> ReadIterator(IEnumerable<EventReadResult> records, RecordedDecisionFormat format)
        {
            foreach (EventReadResult raw in records)
            {
                if (raw.IsError)
                {
                    yield return new RecordedDecisionReadResult(new ReplayError(raw.Error!.Source, raw.Error.Line, ReplayErrorKind.InvalidJson, raw.Error.Message));
                    continue;
                }

                EventRecord r = raw.Record;
                if (format == RecordedDecisionFormat.Auto || format == RecordedDecisionFormat.PolicyEvents)
                {
                    // A plain, valid event (detected as PolicyEvents, no recorded decision): one checked pass, no document.
                    PolicyEvent? fast = PolicyEventFastParser.TryParse(r.Json.Span, plainEventsOnly: true);
                    if (fast != null)
                    {
                        format = RecordedDecisionFormat.PolicyEvents;
                        yield return new RecordedDecisionReadResult(new RecordedDecision(fast, fast.EventId, fast.EventType, fast.Timestamp, fast.Target, null, null, r.Source, r.Line));
                        continue;
                    }
                }

                if (!TryParseJson(r, out JsonElement root, out ReplayError? jsonError))
                {
                    yield return new RecordedDecisionReadResult(jsonError!);
                    continue;
                }

                if (format == RecordedDecisionFormat.Auto)
                {
                    format = Detect(root);
                }

                switch (format)
                {
                    case RecordedDecisionFormat.DaemonAudit:
                        yield return DaemonAuditRecord.Read(root, r.Source, r.Line);
                        break;
                    case RecordedDecisionFormat.SimulateOutput:
                        yield return new RecordedDecisionReadResult(new ReplayError(r.Source, r.Line, ReplayErrorKind.Unmatched, "simulate output records need the events they decided (give the events input to join them by eventId)"));
                        break;
                    default:
                        yield return ReadPolicyEvent(root, r.Source, r.Line, null);
                        break;
                }
            }
        }

        /// <summary>Reads one raw record as <see cref="ReadIterator"/> does for <see cref="RecordedDecisionFormat.PolicyEvents"/> (stateless, so records can be read in parallel).</summary>
        internal static RecordedDecisionReadResult ReadPolicyEventRecord(EventReadResult raw)
        {
            if (raw.IsError)
            {
                return new RecordedDecisionReadResult(new ReplayError(raw.Error!.Source, raw.Error.Line, ReplayErrorKind.InvalidJson, raw.Error.Message));
            }

            EventRecord r = raw.Record;

            // A plain, valid event (no recorded outcome or decision): one checked pass, no document.
            PolicyEvent? fast = PolicyEventFastParser.TryParse(r.Json.Span, plainEventsOnly: true);
            if (fast != null)
            {
                return new RecordedDecisionReadResult(new RecordedDecision(fast, fast.EventId, fast.EventType, fast.Timestamp, fast.Target, null, null, r.Source, r.Line));
            }

            if (!TryParseJson(r, out JsonElement root, out ReplayError? jsonError))
            {
                return new RecordedDecisionReadResult(jsonError!);
            }

            return ReadPolicyEvent(root, r.Source, r.Line, null);
        }

        /// <summary>Reads a PolicyEvent record with an optional recorded <c>outcome</c>/<c>decision</c>.</summary>
        internal static RecordedDecisionReadResult ReadPolicyEvent(JsonElement root, string source, long line, ComparedDecision? joinedBaseline)
        {
            PolicyEvent ev;
            try
            {
                ev = PolicyEventParser.Parse(root);
            }
            catch (PolicyEventFormatException ex)
            {
                return new RecordedDecisionReadResult(new ReplayError(source, line, ReplayErrorKind.InvalidJson, ex.Message));
            }

            ComparedDecision? baseline = joinedBaseline;
            if (baseline == null)
            {
                string? problem = ReadRecordedDecision(root, out baseline);
                if (problem != null)
                {
                    return new RecordedDecisionReadResult(new ReplayError(source, line, ReplayErrorKind.InvalidRecord, problem));
                }
            }

            return new RecordedDecisionReadResult(new RecordedDecision(ev, ev.EventId, ev.EventType, ev.Timestamp, ev.Target, baseline, null, source, line));
        }

        /// <summary>
        /// Reads <c>outcome</c> (a word) and <c>decision</c> (an object shaped like the reference's, or a word) from a
        /// record. Returns a problem, or null with <paramref name="baseline"/> null when the record has neither.
        /// </summary>
        internal static string? ReadRecordedDecision(JsonElement root, out ComparedDecision? baseline)
        {
            baseline = null;
            DecisionOutcome? outcome = null;
            if (root.TryGetProperty("outcome", out JsonElement o) && o.ValueKind != JsonValueKind.Null)
            {
                if (o.ValueKind != JsonValueKind.String || ParseOutcomeWord(o.GetString()!) is not DecisionOutcome parsed)
                {
                    return "outcome must be one of allowed, warn, blocked; got " + SerdeJsonWriter.Serialize(o);
                }

                outcome = parsed;
            }

            string? guard = null, severity = null, message = null, reason = null;
            bool reasonKnown = false;
            if (root.TryGetProperty("decision", out JsonElement d) && d.ValueKind != JsonValueKind.Null)
            {
                if (d.ValueKind == JsonValueKind.String)
                {
                    if (ParseOutcomeWord(d.GetString()!) is not DecisionOutcome word)
                    {
                        return "decision must be an object or one of allowed, warn, blocked; got " + SerdeJsonWriter.Serialize(d);
                    }

                    outcome ??= word;
                }
                else if (d.ValueKind == JsonValueKind.Object)
                {
                    guard = OptionalString(d, "guard");
                    severity = OptionalString(d, "severity");
                    message = OptionalString(d, "message");
                    if (d.TryGetProperty("reason", out JsonElement r))
                    {
                        reasonKnown = true;
                        reason = r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                    }

                    if (outcome == null)
                    {
                        bool denied = Flag(d, "denied") || (d.TryGetProperty("allowed", out JsonElement a) && a.ValueKind == JsonValueKind.False);
                        bool warn = Flag(d, "warn");
                        if (!d.TryGetProperty("allowed", out _) && !d.TryGetProperty("denied", out _))
                        {
                            return "decision must have allowed or denied (or the record an outcome)";
                        }

                        outcome = denied ? DecisionOutcome.Denied : warn ? DecisionOutcome.Warned : DecisionOutcome.Allowed;
                    }
                }
                else
                {
                    return "decision must be an object; got " + SerdeJsonWriter.Serialize(d);
                }
            }

            if (outcome is DecisionOutcome known)
            {
                baseline = ComparedDecision.Recorded(known, guard, severity, message, reason, reasonKnown);
            }

            return null;
        }

        /// <summary>Reads an outcome word: <c>allowed|allow</c>, <c>warn|warned|warning</c>, <c>blocked|block|denied|deny</c> (ASCII case ignored).</summary>
        internal static DecisionOutcome? ParseOutcomeWord(string word)
        {
            switch (word.Trim().ToUpperInvariant())
            {
                case "ALLOWED":
                case "ALLOW":
                    return DecisionOutcome.Allowed;
                case "WARN":
                case "WARNED":
                case "WARNING":
                    return DecisionOutcome.Warned;
                case "BLOCKED":
                case "BLOCK":
                case "DENIED":
                case "DENY":
                    return DecisionOutcome.Denied;
                default:
                    return null;
            }
        }

        internal static string? OptionalString(JsonElement obj, string name) =>
            obj.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        internal static bool TryParseJson(EventRecord r, out JsonElement root, out ReplayError? error)
        {
            error = null;
            if (r.ValidationDeferred)
            {
                // Records from a reader that deferred validation (to the parallel stage): the check it would have made.
                string? problem = SerdeJsonValidator.Validate(r.Json.Span);
                if (problem != null)
                {
                    root = default;
                    error = new ReplayError(r.Source, r.Line, ReplayErrorKind.InvalidJson, problem);
                    return false;
                }
            }

            var reader = new Utf8JsonReader(r.Json.Span, SerdeJsonValidator.ReaderOptions);
            try
            {
                root = JsonElement.ParseValue(ref reader);
                return true;
            }
            catch (JsonException ex)
            {
                root = default;
                error = new ReplayError(r.Source, r.Line, ReplayErrorKind.InvalidJson, SerdeJsonValidator.FromReaderException(ex, r.Json.Span, (int)reader.BytesConsumed));
                return false;
            }
        }

        private static bool Flag(JsonElement obj, string name) => obj.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.True;

        private static IEnumerable<RecordedDecisionReadResult> JoinIterator(IEnumerable<EventReadResult> outputs, IEnumerable<EventReadResult> events, RecordJoinSide held)
        {
            var table = new Dictionary<string, Queue<HeldRecord>>(StringComparer.Ordinal);
            long sequence = 0;
            bool holdOutputs = held == RecordJoinSide.SimulateOutput;
            foreach (EventReadResult raw in holdOutputs ? outputs : events)
            {
                if (!TryKey(raw, out HeldRecord entry, out ReplayError? error))
                {
                    yield return new RecordedDecisionReadResult(error!);
                    continue;
                }

                entry.Sequence = sequence++;
                if (!table.TryGetValue(entry.EventId, out Queue<HeldRecord>? queue))
                {
                    queue = new Queue<HeldRecord>();
                    table.Add(entry.EventId, queue);
                }

                queue.Enqueue(entry);
            }

            foreach (EventReadResult raw in holdOutputs ? events : outputs)
            {
                if (!TryKey(raw, out HeldRecord streamed, out ReplayError? error))
                {
                    yield return new RecordedDecisionReadResult(error!);
                    continue;
                }

                if (!table.TryGetValue(streamed.EventId, out Queue<HeldRecord>? queue) || queue.Count == 0)
                {
                    yield return new RecordedDecisionReadResult(new ReplayError(streamed.Source, streamed.Line, ReplayErrorKind.Unmatched, "no " + (holdOutputs ? "simulate output" : "event") + " with eventId " + streamed.EventId));
                    continue;
                }

                HeldRecord other = queue.Dequeue();
                HeldRecord output = holdOutputs ? other : streamed;
                HeldRecord ev = holdOutputs ? streamed : other;
                yield return Joined(output, ev);
            }

            var leftovers = new List<HeldRecord>();
            foreach (var queue in table.Values)
            {
                leftovers.AddRange(queue);
            }

            leftovers.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
            foreach (HeldRecord left in leftovers)
            {
                yield return new RecordedDecisionReadResult(new ReplayError(left.Source, left.Line, ReplayErrorKind.Unmatched, "no " + (holdOutputs ? "event" : "simulate output") + " with eventId " + left.EventId));
            }
        }

        private static RecordedDecisionReadResult Joined(HeldRecord output, HeldRecord ev)
        {
            string? problem = ReadRecordedDecision(output.Root, out ComparedDecision? baseline);
            if (problem != null || baseline == null)
            {
                return new RecordedDecisionReadResult(new ReplayError(output.Source, output.Line, ReplayErrorKind.InvalidRecord, problem ?? "simulate output has no outcome"));
            }

            return ReadPolicyEvent(ev.Root, ev.Source, ev.Line, baseline);
        }

        private static bool TryKey(EventReadResult raw, out HeldRecord entry, out ReplayError? error)
        {
            entry = default;
            if (raw.IsError)
            {
                error = new ReplayError(raw.Error!.Source, raw.Error.Line, ReplayErrorKind.InvalidJson, raw.Error.Message);
                return false;
            }

            EventRecord r = raw.Record;
            if (!TryParseJson(r, out JsonElement root, out error))
            {
                return false;
            }

            string? id = root.ValueKind == JsonValueKind.Object ? OptionalString(root, "eventId") ?? OptionalString(root, "event_id") : null;
            if (id == null)
            {
                error = new ReplayError(r.Source, r.Line, ReplayErrorKind.InvalidRecord, "missing field `eventId`");
                return false;
            }

            entry = new HeldRecord { EventId = id, Root = root, Source = r.Source, Line = r.Line };
            return true;
        }

        private struct HeldRecord
        {
            public string EventId;
            public JsonElement Root;
            public string Source;
            public long Line;
            public long Sequence;
        }
    }
}
