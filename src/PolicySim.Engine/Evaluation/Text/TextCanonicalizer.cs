using System;
using System.Text;
using PolicySim.Evaluation.Matching;

namespace PolicySim.Evaluation.Text
{
    /// <summary>
    /// Canonicalizes untrusted text the way the prompt-injection and jailbreak detectors do (Clawdstrike spec
    /// §3.7 steps 2–3, §6): truncate to a UTF-8 byte budget at a character boundary, NFKC, full lower-casing
    /// per character, deletion of 18 zero-width/format characters, White_Space collapsing.
    /// </summary>
    internal static class TextCanonicalizer
    {
        /// <summary>Canonicalizes <paramref name="text"/>, scanning at most <paramref name="maxBytes"/> UTF-8 bytes.</summary>
        /// <param name="text">The untrusted text.</param>
        /// <param name="maxBytes">The scan budget in UTF-8 bytes (values below 0 are treated as 0).</param>
        /// <returns>The canonical text and its statistics.</returns>
        internal static CanonicalText Canonicalize(string text, int maxBytes)
        {
            _ = text ?? throw new ArgumentNullException(nameof(text));
            return IsAscii(text) ? CanonicalizeAscii(text, maxBytes) : CanonicalizeGeneral(text, maxBytes);
        }

        /// <summary>
        /// The same steps for ASCII text, where they reduce to: one byte per character, NFKC is the identity, lower-casing
        /// is A–Z only, nothing is zero-width, White_Space is TAB–CR and space. One pass into a pooled buffer.
        /// </summary>
        internal static CanonicalText CanonicalizeAscii(string text, int maxBytes)
        {
            int budget = maxBytes < 0 ? 0 : maxBytes;
#if NET8_0_OR_GREATER
            // Already canonical (lower case, single spaces only, none at the ends, within the budget): the common case
            // of plain prose, answered by vectorized searches instead of the character loop below.
            if (text.Length <= budget && text.Length > 0 && text[0] != ' ' && text[text.Length - 1] != ' ')
            {
                ReadOnlySpan<char> span = text.AsSpan();
                if (span.IndexOfAnyInRange('\t', '\r') < 0 && span.IndexOf("  ".AsSpan()) < 0)
                {
                    if (span.IndexOfAnyInRange('A', 'Z') < 0)
                    {
                        return new CanonicalText(text, text.Length, false, false, false, 0, false, text.Length);
                    }

                    // Only upper case to fold: one vectorized pass.
                    string lowered = string.Create(text.Length, text, static (destination, source) => System.Text.Ascii.ToLower(source.AsSpan(), destination, out _));
                    return new CanonicalText(lowered, text.Length, false, false, true, 0, false, text.Length);
                }
            }

#endif
            bool truncated = text.Length > budget;
            int length = truncated ? budget : text.Length;
            char[] buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(length, 1));
            try
            {
                int n = 0;
                bool casefoldChanged = false;
                bool collapsed = false;
                bool pendingSpace = false;
                bool previousWasSpace = false;
                for (int i = 0; i < length; i++)
                {
                    char c = text[i];
                    if (c <= ' ')
                    {
                        if (c == ' ' || (c >= '\t' && c <= '\r'))
                        {
                            if (c != ' ' || n == 0 || previousWasSpace)
                            {
                                collapsed = true;
                            }

                            pendingSpace = n > 0;
                            previousWasSpace = true;
                            continue;
                        }
                    }
                    else if (c >= 'A' && c <= 'Z')
                    {
                        c = (char)(c + 32);
                        casefoldChanged = true;
                    }

                    if (pendingSpace)
                    {
                        buffer[n++] = ' ';
                        pendingSpace = false;
                    }

                    buffer[n++] = c;
                    previousWasSpace = false;
                }

                if (previousWasSpace)
                {
                    collapsed = true;
                }

                string canonical = n == length && !casefoldChanged && !collapsed ? (truncated ? text.Substring(0, length) : text) : new string(buffer, 0, n);
                return new CanonicalText(canonical, length, truncated, false, casefoldChanged, 0, collapsed, canonical.Length);
            }
            finally
            {
                System.Buffers.ArrayPool<char>.Shared.Return(buffer);
            }
        }

        /// <summary>The general (any text) form of <see cref="Canonicalize"/>.</summary>
        internal static CanonicalText CanonicalizeGeneral(string text, int maxBytes)
        {
            _ = text ?? throw new ArgumentNullException(nameof(text));
            // Step 2: keep the longest prefix of whole characters that fits in maxBytes.
            int scanned = 0;
            int cut = text.Length;
            bool truncated = false;
            for (int i = 0; i < text.Length; i++)
            {
                int width = Utf8Width(text, i, out bool pair);
                if (scanned + width > maxBytes)
                {
                    cut = i;
                    truncated = true;
                    break;
                }

                scanned += width;
                if (pair)
                {
                    i++;
                }
            }

            string prefix = truncated ? text.Substring(0, cut) : text;

            // (a) NFKC. IsNormalized is a cheap check that avoids an allocation for the common ASCII case.
            // Lone surrogates cannot be normalized by .NET; the reference never sees them (its input is valid
            // UTF-8), so they are left as they are.
            string nfkc = prefix;
            try
            {
                // ASCII is NFKC by definition; skipping the ICU call saves microseconds per event.
                if (!IsAscii(prefix) && !prefix.IsNormalized(NormalizationForm.FormKC))
                {
                    nfkc = prefix.Normalize(NormalizationForm.FormKC);
                }
            }
            catch (ArgumentException)
            {
                nfkc = prefix;
            }

            bool nfkcChanged = !ReferenceEquals(nfkc, prefix) && !string.Equals(nfkc, prefix, StringComparison.Ordinal);

            // (b)–(d) in one pass: lower-case, drop zero-width characters, collapse White_Space.
            var sb = new StringBuilder(nfkc.Length);
            bool casefoldChanged = false;
            int zeroWidth = 0;
            bool collapsed = false;
            bool pendingSpace = false;
            bool previousWasSpace = false;
            for (int i = 0; i < nfkc.Length; i++)
            {
                char c = nfkc[i];
                if (char.IsHighSurrogate(c) && i + 1 < nfkc.Length && char.IsLowSurrogate(nfkc[i + 1]))
                {
                    int cp = char.ConvertToUtf32(c, nfkc[i + 1]);
                    i++;
                    string lowered = LowerAstral(cp);
                    casefoldChanged |= lowered.Length != 2 || char.ConvertToUtf32(lowered, 0) != cp;

                    // No astral character is zero-width-listed or White_Space.
                    FlushSpace(sb, ref pendingSpace);
                    sb.Append(lowered);
                    previousWasSpace = false;
                    continue;
                }

                // Full lower-casing: U+0130 is the only character whose lowercase is two characters.
                if (c == '\u0130')
                {
                    casefoldChanged = true;
                    FlushSpace(sb, ref pendingSpace);
                    sb.Append('i').Append('\u0307');
                    previousWasSpace = false;
                    continue;
                }

                char lower = c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char)(c + 32) : c) : char.ToLowerInvariant(c);
                if (lower != c)
                {
                    casefoldChanged = true;
                }

                if (IsZeroWidth(lower))
                {
                    zeroWidth++;
                    continue;
                }

                if (UnicodeData.IsWhiteSpace(lower))
                {
                    // The stripped text changes under split/join unless this is a plain space between two
                    // non-space characters.
                    if (lower != ' ' || sb.Length == 0 || previousWasSpace)
                    {
                        collapsed = true;
                    }

                    pendingSpace = sb.Length > 0;
                    previousWasSpace = true;
                    continue;
                }

                FlushSpace(sb, ref pendingSpace);
                sb.Append(lower);
                previousWasSpace = false;
            }

            if (previousWasSpace)
            {
                // Trailing whitespace is dropped.
                collapsed = true;
            }

            string canonical = sb.ToString();
            return new CanonicalText(
                canonical,
                scanned,
                truncated,
                nfkcChanged,
                casefoldChanged,
                zeroWidth,
                collapsed,
                Utf8Length(canonical));
        }

        /// <summary>Returns whether <paramref name="c"/> is one of the 18 deleted zero-width/format characters.</summary>
        internal static bool IsZeroWidth(char c)
        {
            switch (c)
            {
                case '\u00AD':
                case '\u180E':
                case '\u200B':
                case '\u200C':
                case '\u200D':
                case '\u200E':
                case '\u200F':
                case '\u202A':
                case '\u202B':
                case '\u202C':
                case '\u202D':
                case '\u202E':
                case '\u2060':
                case '\u2066':
                case '\u2067':
                case '\u2068':
                case '\u2069':
                case '\uFEFF':
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>UTF-8 byte length of <paramref name="s"/> (a lone surrogate counts 3, as U+FFFD).</summary>
        internal static int Utf8Length(string s)
        {
            int bytes = 0;
            for (int i = 0; i < s.Length; i++)
            {
                bytes += Utf8Width(s, i, out bool pair);
                if (pair)
                {
                    i++;
                }
            }

            return bytes;
        }

        private static int Utf8Width(string s, int i, out bool pair)
        {
            char c = s[i];
            pair = false;
            if (c < 0x80)
            {
                return 1;
            }

            if (c < 0x800)
            {
                return 2;
            }

            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                pair = true;
                return 4;
            }

            return 3;
        }

        /// <summary>Whether every character of <paramref name="s"/> is ASCII (vectorized where the runtime has it).</summary>
        /// <param name="s">The text.</param>
        /// <returns>True for all-ASCII text.</returns>
        internal static bool IsAscii(string s)
        {
#if NET8_0_OR_GREATER
            return System.Text.Ascii.IsValid(s);
#else
            foreach (char c in s)
            {
                if (c >= 0x80)
                {
                    return false;
                }
            }

            return true;
#endif
        }

        private static void FlushSpace(StringBuilder sb, ref bool pendingSpace)
        {
            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }
        }

        // Astral lowercase mappings exist only for the scripts between Deseret (U+10400) and Adlam (U+1E95F);
        // skipping the rest avoids a string allocation per emoji.
        private static string LowerAstral(int cp)
        {
            string s = char.ConvertFromUtf32(cp);
            return cp >= 0x10400 && cp <= 0x1E95F ? s.ToLowerInvariant() : s;
        }
    }
}
