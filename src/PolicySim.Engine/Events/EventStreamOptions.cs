using System;

namespace PolicySim.Events
{
    /// <summary>Limits and switches for <see cref="EventStreamReader"/>.</summary>
    public sealed class EventStreamOptions
    {
        /// <summary>The default record size limit: 16 MiB.</summary>
        public const int DefaultMaxRecordBytes = 16 * 1024 * 1024;

        private int _maxRecordBytes = DefaultMaxRecordBytes;

        /// <summary>Gets or sets the largest accepted line (JSONL) or array element, in bytes.</summary>
        public int MaxRecordBytes
        {
            get => _maxRecordBytes;
            set => _maxRecordBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "must be positive");
        }

        /// <summary>Gets or sets whether to check each record's JSON (serde_json rules) while reading. Default true.</summary>
        public bool ValidateJson { get; set; } = true;

        /// <summary>
        /// Gets or sets whether the JSON check of <see cref="ValidateJson"/> is left to the engine component that parses
        /// each record (<see cref="Evaluation.Simulation"/>, <see cref="Replay.PolicyComparison"/>, <see cref="Replay.PolicyReplay"/>,
        /// <see cref="Replay.RecordedDecisionReader"/>), with the same messages, so that it runs in their parallel stage
        /// and in the same pass as the parse. Records then reach other consumers unchecked. Default false.
        /// </summary>
        public bool DeferValidation { get; set; }
    }
}
