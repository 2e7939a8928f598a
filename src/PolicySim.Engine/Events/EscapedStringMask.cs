#if NET8_0_OR_GREATER
using System;
using System.Buffers;
using System.Text;

namespace PolicySim.Events
{
    /// <summary>
    /// Lets <see cref="PolicyEventFastParser"/> read records whose long strings contain escapes (file contents and
    /// diffs are full of <c>\n</c>) at the speed of plain JSON. <see cref="System.Text.Json.Utf8JsonReader"/> checks an
    /// escaped string byte by byte from its first backslash on: a 4.5 KB file_write record took ~14 µs to tokenize
    /// against ~1.2 µs with its escapes removed (bench/README.md, round 8). So, before the reader runs, each long
    /// escaped string <em>value</em> that uses only the simple escapes is checked here (vectorized), and in a copy of
    /// the record its bytes between the quotes are replaced by <see cref="Marker"/> bytes. The reader tokenizes the
    /// copy quickly, the parser takes a masked value's text from <see cref="MaskedValue"/> (decoded from the original
    /// bytes), and JSON elements are still built from the original record.
    /// </summary>
    /// <remarks>
    /// <para>Only what the reader itself would accept is masked: no control characters, no <c>\u</c> escapes (their
    /// surrogate rules stay with the reader), every backslash followed by one of <c>" \ / b f n r t</c>, and valid
    /// UTF-8. So the copy is valid JSON exactly when the original is, masked or not, and a masked value decodes to what
    /// <c>Utf8JsonReader.GetString</c> returns. Property names are never masked (the parser compares them as bytes).</para>
    /// <para>The marker byte 0xFF can never be a valid UTF-8 text byte, so a masked token that the parser meets
    /// without its entry here fails the text check and sends the record to the exact path instead of being read as
    /// text. Per-thread state: one record is masked at a time on a thread.</para>
    /// </remarks>
    internal static class EscapedStringMask
    {
        /// <summary>The byte that replaces a masked value's content (never valid in UTF-8 text).</summary>
        internal const byte Marker = 0xFF;

        /// <summary>
        /// Strings shorter than this (bytes between the quotes) are left to the reader: its byte-by-byte check of a
        /// short string costs less than masking and decoding it (paths with a Windows backslash, for instance).
        /// </summary>
        internal const int MinMaskedLength = 64;

        /// <summary>
        /// Records larger than this are left to the reader: the masked copy and the unescape buffer come from the shared
        /// array pool, which would keep buffers of that size alive, and a single huge record gains little (three 16 MB
        /// file writes full of <c>\n</c>: peak RSS 200–232 → 248–264 MB for ~5% less CPU when they were masked).
        /// </summary>
        internal const int MaxMaskedRecordBytes = 1 << 20;

        [ThreadStatic]
        private static int[]? t_starts;

        [ThreadStatic]
        private static string?[]? t_values;

        [ThreadStatic]
        private static int t_count;

        /// <summary>
        /// Masks the long escaped string values of <paramref name="json"/> into a rented copy and remembers their texts;
        /// returns null (and remembers nothing) when no value qualifies, at once for a record without a backslash or
        /// outside the size bounds. Give the copy back with <see cref="Release"/>.
        /// </summary>
        /// <param name="json">One record.</param>
        /// <returns>The rented masked copy (its first <c>json.Length</c> bytes), or null.</returns>
        internal static byte[]? TryMask(ReadOnlySpan<byte> json)
        {
            if (json.Length <= MinMaskedLength || json.Length > MaxMaskedRecordBytes || json.IndexOf((byte)'\\') < 0)
            {
                return null;
            }

            byte[]? copy = null;
            int i = 0;
            while (true)
            {
                int open = json.Slice(i).IndexOf((byte)'"');
                if (open < 0)
                {
                    break;
                }

                open += i;
                int close = ClosingQuote(json, open + 1, out bool escaped);
                if (close < 0)
                {
                    break; // unterminated: the reader reports it
                }

                ReadOnlySpan<byte> raw = json.Slice(open + 1, close - open - 1);
                if (escaped && raw.Length >= MinMaskedLength && !IsPropertyName(json, close + 1) && Maskable(raw))
                {
                    if (copy == null)
                    {
                        copy = ArrayPool<byte>.Shared.Rent(json.Length);
                        json.CopyTo(copy);
                    }

                    copy.AsSpan(open + 1, raw.Length).Fill(Marker);
                    Remember(open, Decode(raw));
                }

                i = close + 1;
            }

            return copy;
        }

        /// <summary>Forgets this thread's masked values and returns the copy to the pool.</summary>
        /// <param name="copy">The copy <see cref="TryMask"/> returned.</param>
        internal static void Release(byte[] copy)
        {
            Array.Clear(t_values!, 0, t_count); // do not keep a large content alive until the next record
            t_count = 0;
            ArrayPool<byte>.Shared.Return(copy);
        }

        /// <summary>
        /// The text of the value masked on this thread whose token (<paramref name="span"/>, the reader's unescaped
        /// value) starts at <paramref name="tokenStart"/>; null when it is not a masked value.
        /// </summary>
        /// <param name="span">The string token's value as the reader sees it.</param>
        /// <param name="tokenStart">The token's start index in the record (its opening quote).</param>
        /// <returns>The decoded text, or null.</returns>
        internal static string? MaskedValue(ReadOnlySpan<byte> span, long tokenStart)
        {
            if (t_count == 0 || span.Length == 0 || span[0] != Marker)
            {
                return null;
            }

            int[] starts = t_starts!;
            for (int k = 0; k < t_count; k++)
            {
                if (starts[k] == tokenStart)
                {
                    return t_values![k];
                }
            }

            return null;
        }

        /// <summary>The index of the quote that closes the string whose content starts at <paramref name="from"/>, or -1.</summary>
        private static int ClosingQuote(ReadOnlySpan<byte> json, int from, out bool escaped)
        {
            escaped = false;
            int j = from;
            while (true)
            {
                int k = json.Slice(j).IndexOfAny((byte)'"', (byte)'\\');
                if (k < 0)
                {
                    return -1;
                }

                j += k;
                if (json[j] == (byte)'"')
                {
                    return j;
                }

                // A backslash escapes the next byte, whatever it is (the reader rejects the wrong ones; so does Maskable).
                escaped = true;
                j += 2;
                if (j >= json.Length)
                {
                    return -1;
                }
            }
        }

        private static bool IsPropertyName(ReadOnlySpan<byte> json, int after)
        {
            while (after < json.Length && (json[after] == (byte)' ' || json[after] == (byte)'\t' || json[after] == (byte)'\r' || json[after] == (byte)'\n'))
            {
                after++;
            }

            return after < json.Length && json[after] == (byte)':';
        }

        /// <summary>Whether the reader would accept <paramref name="raw"/> (a string's bytes between its quotes) and only simple escapes occur.</summary>
        private static bool Maskable(ReadOnlySpan<byte> raw)
        {
            if (raw.IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0)
            {
                return false;
            }

            int i = 0;
            while (true)
            {
                int k = raw.Slice(i).IndexOf((byte)'\\');
                if (k < 0)
                {
                    break;
                }

                i += k + 1;
                if (i >= raw.Length)
                {
                    return false;
                }

                switch (raw[i])
                {
                    case (byte)'"':
                    case (byte)'\\':
                    case (byte)'/':
                    case (byte)'b':
                    case (byte)'f':
                    case (byte)'n':
                    case (byte)'r':
                    case (byte)'t':
                        i++;
                        break;
                    default:
                        return false; // \u (surrogate rules) and invalid escapes stay with the reader
                }
            }

            // Escapes are ASCII, so the raw bytes are valid UTF-8 exactly when the unescaped ones are.
            return Serialization.SerdeJsonValidator.IsValidUtf8(raw);
        }

        /// <summary>Unescapes a <see cref="Maskable"/> string and decodes it (what <c>GetString</c> returns for it).</summary>
        private static string Decode(ReadOnlySpan<byte> raw)
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(raw.Length);
            try
            {
                int written = 0;
                int i = 0;
                while (true)
                {
                    int k = raw.Slice(i).IndexOf((byte)'\\');
                    if (k < 0)
                    {
                        raw.Slice(i).CopyTo(buffer.AsSpan(written));
                        written += raw.Length - i;
                        break;
                    }

                    raw.Slice(i, k).CopyTo(buffer.AsSpan(written));
                    written += k;
                    byte e = raw[i + k + 1];
                    buffer[written++] = e switch
                    {
                        (byte)'b' => (byte)'\b',
                        (byte)'f' => (byte)'\f',
                        (byte)'n' => (byte)'\n',
                        (byte)'r' => (byte)'\r',
                        (byte)'t' => (byte)'\t',
                        _ => e, // " \ /
                    };
                    i += k + 2;
                }

                return Encoding.UTF8.GetString(buffer, 0, written);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private static void Remember(int start, string value)
        {
            int[] starts = t_starts ??= new int[4];
            string?[] values = t_values ??= new string?[4];
            if (t_count == starts.Length)
            {
                Array.Resize(ref starts, starts.Length * 2);
                Array.Resize(ref values, values.Length * 2);
                t_starts = starts;
                t_values = values;
            }

            starts[t_count] = start;
            values[t_count] = value;
            t_count++;
        }
    }
}
#endif
