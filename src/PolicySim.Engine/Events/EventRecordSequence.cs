using System.Collections;
using System.Collections.Generic;
using System.IO;

namespace PolicySim.Events
{
    /// <summary>
    /// The records of one input, as <see cref="EventStreamReader.ReadAll(Stream, string, EventStreamOptions?)"/>
    /// returns them: enumerating gives every record with a private copy of its bytes. The parallel pipeline reads
    /// the same records through <see cref="Borrowed"/> instead and copies them into pooled memory it recycles once
    /// they are decided (<see cref="RecordArena"/>), so a record's bytes cost no allocation of their own.
    /// </summary>
    internal sealed class EventRecordSequence : IEnumerable<EventReadResult>
    {
        private readonly Stream _stream;
        private readonly string _source;
        private readonly EventStreamOptions? _options;

        public EventRecordSequence(Stream stream, string source, EventStreamOptions? options)
        {
            _stream = stream;
            _source = source;
            _options = options;
        }

        /// <summary>
        /// Every record, its <see cref="EventRecord.Json"/> pointing into the reader's buffer: valid only until the
        /// next record is read, so the caller copies what it keeps.
        /// </summary>
        public IEnumerable<EventReadResult> Borrowed()
        {
            using var reader = new EventStreamReader(_stream, _source, _options, leaveOpen: true);
            while (reader.TryRead(out EventReadResult result))
            {
                yield return result;
            }
        }

        /// <inheritdoc />
        public IEnumerator<EventReadResult> GetEnumerator()
        {
            foreach (EventReadResult result in Borrowed())
            {
                yield return result.IsError ? result : Copy(result.Record, result.Record.Json.ToArray());
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>The same record with its bytes at <paramref name="json"/> (a copy the caller made).</summary>
        internal static EventReadResult Copy(EventRecord record, System.ReadOnlyMemory<byte> json)
            => new EventReadResult(new EventRecord(record.Source, record.Line, json, record.Validated, record.ValidationDeferred));
    }
}
