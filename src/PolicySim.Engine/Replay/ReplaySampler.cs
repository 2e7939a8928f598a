using System.Text;

namespace PolicySim.Replay
{
    /// <summary>
    /// Deterministic sampling: an event is kept when a 64-bit hash of (seed, event id) maps below the rate. The hash
    /// is FNV-1a over the seed's 8 little-endian bytes and the id's UTF-8 bytes, finished with the SplitMix64 mixer,
    /// so every process, shard and platform keeps the same events.
    /// </summary>
    internal static class ReplaySampler
    {
        private const ulong FnvOffset = 14695981039346656037UL;
        private const ulong FnvPrime = 1099511628211UL;

        public static bool Keep(long seed, string eventId, double rate)
        {
            if (rate >= 1.0)
            {
                return true;
            }

            if (rate <= 0.0)
            {
                return false;
            }

            return Unit(seed, eventId) < rate;
        }

        /// <summary>The event's position in [0, 1).</summary>
        public static double Unit(long seed, string eventId)
        {
            ulong h = FnvOffset;
            ulong s = unchecked((ulong)seed);
            for (int i = 0; i < 8; i++)
            {
                h = unchecked((h ^ ((s >> (8 * i)) & 0xFF)) * FnvPrime);
            }

            foreach (byte b in Encoding.UTF8.GetBytes(eventId))
            {
                h = unchecked((h ^ b) * FnvPrime);
            }

            h = unchecked((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL);
            h = unchecked((h ^ (h >> 27)) * 0x94D049BB133111EBUL);
            h ^= h >> 31;
            return (h >> 11) * (1.0 / (1UL << 53));
        }
    }
}
