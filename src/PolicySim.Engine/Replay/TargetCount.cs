using System.Globalization;

namespace PolicySim.Replay
{
    /// <summary>How many measured decisions were about one target (see <see cref="DecisionStatistics.TopTargets"/>).</summary>
    public sealed class TargetCount
    {
        /// <summary>Creates a count.</summary>
        /// <param name="target">The target (path, host:port, tool, custom kind).</param>
        /// <param name="count">The number of decisions.</param>
        public TargetCount(string target, long count)
        {
            Target = target ?? string.Empty;
            Count = count;
        }

        /// <summary>Gets the target.</summary>
        public string Target { get; }

        /// <summary>Gets the number of decisions.</summary>
        public long Count { get; }

        /// <summary>Formats as <c>paste.example:443 (12)</c>.</summary>
        /// <returns>One short line.</returns>
        public override string ToString() => Target + " (" + Count.ToString(CultureInfo.InvariantCulture) + ")";
    }
}
