using System;
using System.Collections.Generic;
using PolicySim.Evaluation;
using PolicySim.Replay;

namespace PolicySim.Reports
{
    /// <summary>
    /// Counts that the HTML report charts and the summary does not keep: candidate decisions by deciding guard and
    /// outcome, and events and flips per hour. Memory grows with guards and hours, never with events.
    /// </summary>
    public sealed class DecisionTally
    {
        /// <summary>The guard name used for decisions no guard took (plain allows).</summary>
        public const string NoGuard = "(no guard)";

        private readonly SortedDictionary<string, long[]> _byGuard = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        private readonly SortedDictionary<DateTimeOffset, long> _events = new SortedDictionary<DateTimeOffset, long>();
        private readonly SortedDictionary<DateTimeOffset, long> _flips = new SortedDictionary<DateTimeOffset, long>();

        /// <summary>Gets the deciding guards of the candidate decisions, in ordinal order.</summary>
        public IReadOnlyList<string> Guards => new List<string>(_byGuard.Keys);

        /// <summary>Gets the number of events per hour (UTC, hour start), in time order.</summary>
        public IReadOnlyDictionary<DateTimeOffset, long> EventsByHour => new SortedDictionary<DateTimeOffset, long>(_events);

        /// <summary>Gets the number of flips (kind other than None) per hour (UTC, hour start), in time order.</summary>
        public IReadOnlyDictionary<DateTimeOffset, long> FlipsByHour => new SortedDictionary<DateTimeOffset, long>(_flips);

        /// <summary>Gets the latest event time seen, or null.</summary>
        public DateTimeOffset? LastEventTime { get; private set; }

        /// <summary>Counts one result.</summary>
        /// <param name="result">The result.</param>
        public void Add(ReplayResult result)
        {
            Require.NotNull(result, nameof(result));

            string guard = result.CandidateGuard ?? NoGuard;
            if (!_byGuard.TryGetValue(guard, out long[]? counts))
            {
                counts = new long[(int)DecisionOutcome.Unknown + 1];
                _byGuard.Add(guard, counts);
            }

            counts[(int)result.CandidateOutcome]++;
            DateTimeOffset utc = result.Timestamp.ToUniversalTime();
            var hour = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
            Increment(_events, hour);
            if (result.Flip != FlipKind.None)
            {
                Increment(_flips, hour);
            }

            if (LastEventTime == null || utc > LastEventTime.Value)
            {
                LastEventTime = utc;
            }
        }

        /// <summary>Gets how many candidate decisions a guard took with an outcome.</summary>
        /// <param name="guard">The guard, or <see cref="NoGuard"/>.</param>
        /// <param name="outcome">The outcome.</param>
        /// <returns>The count.</returns>
        public long Count(string guard, DecisionOutcome outcome) =>
            guard != null && _byGuard.TryGetValue(guard, out long[]? counts) ? counts[(int)outcome] : 0;

        private static void Increment(SortedDictionary<DateTimeOffset, long> d, DateTimeOffset key)
        {
            d.TryGetValue(key, out long n);
            d[key] = n + 1;
        }
    }
}
