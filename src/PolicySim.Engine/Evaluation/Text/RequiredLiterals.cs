using System;
using System.Collections.Generic;
using System.Threading;

namespace PolicySim.Evaluation.Text
{
    /// <summary>
    /// The literals a detector pattern needs: for each top-level alternative, for each <c>\b(…)\b</c> group, the
    /// set of phrase prefixes one of which must occur in any matching text. Literal ids are shared by all patterns
    /// so one text's presence answers (<see cref="ScanText"/>) serve every pattern and both detectors.
    /// </summary>
    internal sealed class RequiredLiterals
    {
        private static readonly object Gate = new object();
        private static readonly Dictionary<string, int> Ids = new Dictionary<string, int>(StringComparer.Ordinal);
        private static string[] s_literals = Array.Empty<string>();

        // branches → groups → literal ids (an empty branch list means "no constraint").
        private readonly int[][][] _branches;

        private RequiredLiterals(int[][][] branches)
        {
            _branches = branches;
        }

        private static LiteralIndex? s_index;

        /// <summary>Gets the index of all registered literals by their first two characters (rebuilt when more register).</summary>
        internal static LiteralIndex Index
        {
            get
            {
                string[] literals = Volatile.Read(ref s_literals);
                LiteralIndex? index = Volatile.Read(ref s_index);
                if (index == null || !ReferenceEquals(index.Literals, literals))
                {
                    index = new LiteralIndex(literals);
                    Volatile.Write(ref s_index, index);
                }

                return index;
            }
        }

        /// <summary>Extracts the required literals of a pattern body of the shape <see cref="DetectorPattern"/> accepts.</summary>
        /// <param name="pattern">Rust pattern body without the <c>(?is)</c> prefix.</param>
        /// <returns>The literal requirements.</returns>
        internal static RequiredLiterals FromPattern(string pattern)
        {
            var branches = new List<int[][]>();
            foreach (string branch in Matching.RustPatternFacts.SplitTopLevel(pattern))
            {
                var groups = new List<int[]>();
                int i = 0;
                while (i < branch.Length)
                {
                    if (string.CompareOrdinal(branch, i, "\\b(", 0, 3) != 0)
                    {
                        i++;
                        continue;
                    }

                    int close = branch.IndexOf(')', i + 3);
                    int[]? group = GroupLiterals(branch.Substring(i + 3, close - i - 3));
                    if (group != null)
                    {
                        groups.Add(group);
                    }

                    i = close + 1;
                }

                if (groups.Count == 0)
                {
                    // A branch without constrained groups can match anything: no prefilter for this pattern.
                    return new RequiredLiterals(Array.Empty<int[][]>());
                }

                branches.Add(groups.ToArray());
            }

            return new RequiredLiterals(branches.ToArray());
        }

        /// <summary>Whether every group of some branch has a literal present in the text.</summary>
        /// <param name="text">The canonical text.</param>
        /// <returns>False when no match is possible.</returns>
        internal bool MayMatch(ScanText text)
        {
            if (_branches.Length == 0)
            {
                return true;
            }

            foreach (int[][] branch in _branches)
            {
                bool all = true;
                foreach (int[] group in branch)
                {
                    if (!AnyPresent(text, group))
                    {
                        all = false;
                        break;
                    }
                }

                if (all)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AnyPresent(ScanText text, int[] group)
        {
            LiteralIndex index = Index;
            foreach (int id in group)
            {
                if (text.LiteralPresent(id, index))
                {
                    return true;
                }
            }

            return false;
        }

        // Each phrase contributes its text up to the first escape (`tell\s+me` → `tell`); a phrase that contains
        // another phrase of the same group is dropped (if it occurs, so does the shorter one). A phrase starting
        // with an escape leaves the group unconstrained (null).
        private static int[]? GroupLiterals(string body)
        {
            var literals = new List<string>();
            foreach (string alternative in body.Split('|'))
            {
                int escape = alternative.IndexOf('\\');
                string literal = escape < 0 ? alternative : alternative.Substring(0, escape);
                if (literal.Length == 0)
                {
                    return null;
                }

                literals.Add(literal);
            }

            var minimal = new List<int>();
            foreach (string literal in literals)
            {
                bool redundant = false;
                foreach (string other in literals)
                {
                    if (!ReferenceEquals(other, literal) && other.Length < literal.Length && literal.AsSpan().IndexOf(other.AsSpan()) >= 0)
                    {
                        redundant = true;
                        break;
                    }
                }

                int id = Register(literal);
                if (!redundant && !minimal.Contains(id))
                {
                    minimal.Add(id);
                }
            }

            return minimal.ToArray();
        }

        /// <summary>The id of <paramref name="literal"/> in the shared registry (added when new).</summary>
        internal static int Register(string literal)
        {
            lock (Gate)
            {
                if (!Ids.TryGetValue(literal, out int id))
                {
                    id = Ids.Count;
                    Ids.Add(literal, id);
                    var grown = new string[id + 1];
                    Array.Copy(s_literals, grown, id);
                    grown[id] = literal;
                    Volatile.Write(ref s_literals, grown);
                }

                return id;
            }
        }
    }

    /// <summary>
    /// All registered literals, indexed by their first two characters (first a–z, second ASCII): at a position where a
    /// phrase can start, one table lookup names the (usually single) literal that can start there.
    /// </summary>
    internal sealed class LiteralIndex
    {
        private readonly int[]?[] _byPrefix = new int[]?[26 * 128];

        // One bit per hash of an indexed literal's first three characters (see MayStart).
        private readonly ulong[] _threeCharacterPrefixes = new ulong[ThreeCharacterBits / 64];
        private const int ThreeCharacterBits = 4096;

        /// <summary>Initializes a new instance of the <see cref="LiteralIndex"/> class.</summary>
        /// <param name="literals">The literals, indexed by id.</param>
        internal LiteralIndex(string[] literals)
        {
            Literals = literals;
            var initial = new byte[literals.Length];
            var buckets = new Dictionary<int, List<int>>();
            for (int id = 0; id < literals.Length; id++)
            {
                int key = Key(literals[id]);
                if (key >= 0)
                {
                    initial[id] = 1;
                    string literal = literals[id];
                    if (literal.Length == 2)
                    {
                        HasTwoCharacterLiterals = true;
                    }
                    else
                    {
                        int bit = ThreeCharacterHash(literal[0], literal[1], literal[2]);
                        _threeCharacterPrefixes[bit >> 6] |= 1UL << bit;
                    }

                    if (!buckets.TryGetValue(key, out List<int>? ids))
                    {
                        buckets[key] = ids = new List<int>();
                    }

                    ids.Add(id);
                }
            }

            foreach (var bucket in buckets)
            {
                _byPrefix[bucket.Key] = bucket.Value.ToArray();
            }

            InitialState = initial;
        }

        /// <summary>
        /// Per literal id, what a text scan knows before it starts (<see cref="ScanText"/>'s states): indexed literals are
        /// absent (1) until the scan finds them, the others unknown (0) until searched for. Copied per text.
        /// </summary>
        internal byte[] InitialState { get; }

        /// <summary>Gets the literals, indexed by id.</summary>
        internal string[] Literals { get; }

        /// <summary>Whether literal <paramref name="id"/> is in the table (starts with a–z and an ASCII character).</summary>
        /// <param name="id">The literal id.</param>
        /// <returns>True when <see cref="At"/> finds it.</returns>
        internal bool Indexed(int id) => InitialState[id] == 1;

        /// <summary>Gets whether an indexed literal has only two characters (then <see cref="MayStart"/> must not be used to rule out a start).</summary>
        internal bool HasTwoCharacterLiterals { get; }

        /// <summary>
        /// Whether an indexed literal of three or more characters may start with <paramref name="first"/>,
        /// <paramref name="second"/>, <paramref name="third"/>: false is exact, true may be a hash collision. One bit
        /// test rules out most phrase starts of ordinary prose before the two-character table and its comparisons.
        /// </summary>
        /// <param name="first">The first character.</param>
        /// <param name="second">The second character.</param>
        /// <param name="third">The third character.</param>
        /// <returns>False when no indexed literal of three or more characters starts so.</returns>
        internal bool MayStart(char first, char second, char third)
        {
            int bit = ThreeCharacterHash(first, second, third);
            return (_threeCharacterPrefixes[bit >> 6] & (1UL << bit)) != 0;
        }

        private static int ThreeCharacterHash(char first, char second, char third) => (((first * 31) + second) * 31 + third) & (ThreeCharacterBits - 1);

#if NET8_0_OR_GREATER
        /// <summary>
        /// The three-character hashes (as <see cref="MayStart"/> computes them) at sixteen positions at once, from the
        /// characters at the positions and one and two after. Sixteen-bit lanes give the same low twelve bits as the
        /// integer arithmetic: only multiplications and additions, and 4,096 divides 65,536.
        /// </summary>
        /// <param name="first">The characters at the positions.</param>
        /// <param name="second">The characters one after.</param>
        /// <param name="third">The characters two after.</param>
        /// <returns>The hashes, for <see cref="MayStartHash"/>.</returns>
        internal static System.Runtime.Intrinsics.Vector256<ushort> ThreeCharacterHashes(
            System.Runtime.Intrinsics.Vector256<ushort> first, System.Runtime.Intrinsics.Vector256<ushort> second, System.Runtime.Intrinsics.Vector256<ushort> third) =>
            (((first * (ushort)31) + second) * (ushort)31 + third) & System.Runtime.Intrinsics.Vector256.Create((ushort)(ThreeCharacterBits - 1));

        /// <summary><see cref="MayStart"/> for a hash from <see cref="ThreeCharacterHashes"/>, as 1 (may start) or 0, without a branch.</summary>
        /// <param name="hash">The hash.</param>
        /// <returns>1 or 0.</returns>
        internal uint MayStartHash(int hash) => (uint)(_threeCharacterPrefixes[hash >> 6] >> hash) & 1;
#endif

        /// <summary>The ids of the literals that start with the two characters <paramref name="first"/>, <paramref name="second"/>.</summary>
        /// <param name="first">A character a–z.</param>
        /// <param name="second">The next character.</param>
        /// <returns>The ids, or null.</returns>
        internal int[]? At(char first, char second) => second < 128 ? _byPrefix[((first - 'a') * 128) + second] : null;

        private static int Key(string literal) =>
            literal.Length >= 2 && literal[0] >= 'a' && literal[0] <= 'z' && literal[1] < 128 ? ((literal[0] - 'a') * 128) + literal[1] : -1;
    }
}
