using System.Collections.Generic;

namespace PolicySim.Serialization
{
    /// <summary>
    /// Orders strings by Unicode code point, which is the byte order of their UTF-8 encodings and thus the
    /// order of Rust's <c>BTreeMap&lt;String, _&gt;</c> (serde_json objects without <c>preserve_order</c>).
    /// Differs from <see cref="System.StringComparer.Ordinal"/> only for supplementary characters versus U+E000–U+FFFF.
    /// </summary>
    internal sealed class CodePointComparer : IComparer<string>
    {
        /// <summary>The shared instance.</summary>
        public static readonly CodePointComparer Instance = new CodePointComparer();

        private CodePointComparer()
        {
        }

        /// <inheritdoc />
        public int Compare(string? x, string? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null)
            {
                return -1;
            }

            if (y is null)
            {
                return 1;
            }

            int length = x.Length < y.Length ? x.Length : y.Length;
            for (int i = 0; i < length; i++)
            {
                char a = x[i];
                char b = y[i];
                if (a != b)
                {
                    return Fix(a) - Fix(b);
                }
            }

            return x.Length - y.Length;
        }

        // Surrogates (D800–DFFF) encode code points above FFFF, so they must sort after E000–FFFF.
        private static int Fix(char c) => c >= 0xD800 ? (c <= 0xDFFF ? c + 0x2000 : c - 0x800) : c;
    }
}
