using System;
using System.Collections.Generic;

namespace PolicySim.Evaluation.Matching
{
    /// <summary>
    /// An immutable set of Unicode scalar values kept as sorted, disjoint, non-adjacent inclusive ranges.
    /// Surrogate code points (U+D800–U+DFFF) are never members, mirroring Rust's <c>char</c>.
    /// </summary>
    /// <remarks>
    /// Character classes are computed as explicit sets (instead of being passed through to .NET) because
    /// Rust classes match whole code points while .NET classes match UTF-16 code units, and because Rust's
    /// class set operations, case folding and Unicode word definition have no direct .NET equivalent.
    /// </remarks>
    internal sealed class CodePointSet
    {
        /// <summary>The largest Unicode scalar value.</summary>
        internal const int MaxCodePoint = 0x10FFFF;

        private const int SurrogateFirst = 0xD800;
        private const int SurrogateLast = 0xDFFF;

        private readonly int[] _bounds;

        private CodePointSet(int[] bounds) => _bounds = bounds;

        /// <summary>Gets the empty set.</summary>
        internal static CodePointSet Empty { get; } = new CodePointSet(Array.Empty<int>());

        /// <summary>Gets the set of every Unicode scalar value.</summary>
        internal static CodePointSet All { get; } = new CodePointSet(new[] { 0, SurrogateFirst - 1, SurrogateLast + 1, MaxCodePoint });

        /// <summary>Gets the number of ranges.</summary>
        internal int RangeCount => _bounds.Length / 2;

        /// <summary>Gets a value indicating whether the set has no members.</summary>
        internal bool IsEmpty => _bounds.Length == 0;

        /// <summary>Gets the first code point of range <paramref name="index"/>.</summary>
        internal int RangeStart(int index) => _bounds[2 * index];

        /// <summary>Gets the last code point (inclusive) of range <paramref name="index"/>.</summary>
        internal int RangeEnd(int index) => _bounds[(2 * index) + 1];

        /// <summary>Creates a set holding one code point.</summary>
        internal static CodePointSet Single(int codePoint) => Range(codePoint, codePoint);

        /// <summary>Creates a set holding an inclusive range (surrogates removed).</summary>
        internal static CodePointSet Range(int first, int last)
        {
            var builder = new Builder();
            builder.Add(first, last);
            return builder.Build();
        }

        /// <summary>Creates a set from flat pairs <c>first0, last0, first1, last1, …</c> (any order, may overlap).</summary>
        internal static CodePointSet FromPairs(IReadOnlyList<int> pairs)
        {
            var builder = new Builder();
            for (int i = 0; i + 1 < pairs.Count; i += 2)
            {
                builder.Add(pairs[i], pairs[i + 1]);
            }

            return builder.Build();
        }

        /// <summary>Returns whether <paramref name="codePoint"/> is a member (binary search).</summary>
        internal bool Contains(int codePoint)
        {
            int lo = 0;
            int hi = RangeCount - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >> 1;
                if (codePoint < _bounds[2 * mid])
                {
                    hi = mid - 1;
                }
                else if (codePoint > _bounds[(2 * mid) + 1])
                {
                    lo = mid + 1;
                }
                else
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Returns whether the set contains any code point outside ASCII.</summary>
        internal bool HasNonAscii => !IsEmpty && _bounds[_bounds.Length - 1] > 0x7F;

        /// <summary>Returns whether the set contains any supplementary-plane code point.</summary>
        internal bool HasAstral => !IsEmpty && _bounds[_bounds.Length - 1] > 0xFFFF;

        /// <summary>The union of this set and <paramref name="other"/>.</summary>
        internal CodePointSet Union(CodePointSet other)
        {
            if (other.IsEmpty)
            {
                return this;
            }

            if (IsEmpty)
            {
                return other;
            }

            var builder = new Builder();
            builder.AddSet(this);
            builder.AddSet(other);
            return builder.Build();
        }

        /// <summary>The complement within all scalar values.</summary>
        internal CodePointSet Negate()
        {
            var builder = new Builder();
            int next = 0;
            for (int i = 0; i < RangeCount; i++)
            {
                if (RangeStart(i) > next)
                {
                    builder.Add(next, RangeStart(i) - 1);
                }

                next = RangeEnd(i) + 1;
            }

            if (next <= MaxCodePoint)
            {
                builder.Add(next, MaxCodePoint);
            }

            return builder.Build();
        }

        /// <summary>The intersection of this set and <paramref name="other"/>.</summary>
        internal CodePointSet Intersect(CodePointSet other) => Negate().Union(other.Negate()).Negate();

        /// <summary>The members of this set that are not in <paramref name="other"/>.</summary>
        internal CodePointSet Except(CodePointSet other) => Intersect(other.Negate());

        /// <summary>The members in exactly one of the two sets.</summary>
        internal CodePointSet SymmetricExcept(CodePointSet other) => Union(other).Except(Intersect(other));

        /// <summary>Incremental builder; ranges may be added in any order and may overlap.</summary>
        internal sealed class Builder
        {
            private readonly List<long> _ranges = new List<long>();

            /// <summary>Adds an inclusive range; surrogates and out-of-range values are clipped away.</summary>
            internal void Add(int first, int last)
            {
                if (first < 0)
                {
                    first = 0;
                }

                if (last > MaxCodePoint)
                {
                    last = MaxCodePoint;
                }

                if (first > last)
                {
                    return;
                }

                // Surrogates are not scalar values; splitting here keeps every set free of them.
                if (first <= SurrogateLast && last >= SurrogateFirst)
                {
                    Add(first, SurrogateFirst - 1);
                    Add(SurrogateLast + 1, last);
                    return;
                }

                _ranges.Add(((long)first << 32) | (uint)last);
            }

            /// <summary>Adds a single code point.</summary>
            internal void Add(int codePoint) => Add(codePoint, codePoint);

            /// <summary>Adds every range of <paramref name="set"/>.</summary>
            internal void AddSet(CodePointSet set)
            {
                for (int i = 0; i < set.RangeCount; i++)
                {
                    _ranges.Add(((long)set.RangeStart(i) << 32) | (uint)set.RangeEnd(i));
                }
            }

            /// <summary>Sorts and merges the ranges into a set.</summary>
            internal CodePointSet Build()
            {
                if (_ranges.Count == 0)
                {
                    return Empty;
                }

                _ranges.Sort();
                var bounds = new List<int>(_ranges.Count * 2);
                int curFirst = (int)(_ranges[0] >> 32);
                int curLast = (int)(_ranges[0] & 0xFFFFFFFF);
                for (int i = 1; i < _ranges.Count; i++)
                {
                    int f = (int)(_ranges[i] >> 32);
                    int l = (int)(_ranges[i] & 0xFFFFFFFF);
                    if (f <= curLast + 1)
                    {
                        if (l > curLast)
                        {
                            curLast = l;
                        }
                    }
                    else
                    {
                        bounds.Add(curFirst);
                        bounds.Add(curLast);
                        curFirst = f;
                        curLast = l;
                    }
                }

                bounds.Add(curFirst);
                bounds.Add(curLast);
                return new CodePointSet(bounds.ToArray());
            }
        }
    }
}
