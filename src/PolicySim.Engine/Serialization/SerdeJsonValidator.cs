using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace PolicySim.Serialization
{
    /// <summary>
    /// Checks a UTF-8 JSON text against what <c>serde_json</c> accepts, which is stricter than
    /// System.Text.Json in three ways: strings (and keys) must be valid UTF-8 and must not contain lone
    /// surrogate escapes (<c>"\ud800"</c>), numbers must not overflow f64 (<c>1e400</c> ⇒ "number out of range"),
    /// and nesting is limited to 128 levels. Exactly one value, optionally surrounded by JSON whitespace.
    /// </summary>
    internal static class SerdeJsonValidator
    {
        /// <summary>serde_json's recursion limit.</summary>
        public const int MaxDepth = 128;

        /// <summary>Reader options matching serde_json: no comments, no trailing commas, depth 128.</summary>
        public static readonly JsonReaderOptions ReaderOptions = new JsonReaderOptions
        {
            MaxDepth = MaxDepth,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        };

        /// <summary>Validates <paramref name="utf8"/>; returns null when valid, else a serde-like message with line and column.</summary>
        public static string? Validate(ReadOnlySpan<byte> utf8)
        {
            int firstToken = 0;
            while (firstToken < utf8.Length && (utf8[firstToken] == (byte)' ' || utf8[firstToken] == (byte)'\t' || utf8[firstToken] == (byte)'\r' || utf8[firstToken] == (byte)'\n'))
            {
                firstToken++;
            }

            if (firstToken == utf8.Length)
            {
                return WithPosition("EOF while parsing a value", utf8, utf8.Length);
            }

            var reader = new Utf8JsonReader(utf8, isFinalBlock: true, new JsonReaderState(ReaderOptions));
            try
            {
                if (!reader.Read())
                {
                    return WithPosition("EOF while parsing a value", utf8, utf8.Length);
                }

                do
                {
                    string? problem = CheckToken(ref reader);
                    if (problem != null)
                    {
                        return WithPosition(problem, utf8, (int)reader.TokenStartIndex + 1);
                    }
                }
                while (reader.Read());
            }
            catch (JsonException ex)
            {
                return FromReaderException(ex, utf8, (int)reader.BytesConsumed);
            }

            return null;
        }

        /// <summary>Checks one token; returns a problem text or null.</summary>
        public static string? CheckToken(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                case JsonTokenType.PropertyName:
                    if (reader.ValueIsEscaped)
                    {
                        // Unescape into a pooled buffer (the checks GetString makes, without a string per escaped
                        // token: file contents and diffs are full of \n). UTF-16 never needs more units than the
                        // escaped UTF-8 has bytes.
                        int length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
                        char[] buffer = ArrayPool<char>.Shared.Rent(length);
                        try
                        {
                            reader.CopyString(buffer);
                        }
                        catch (InvalidOperationException)
                        {
                            return "lone surrogate in hex escape or invalid unicode code point";
                        }
                        finally
                        {
                            ArrayPool<char>.Shared.Return(buffer);
                        }
                    }
                    else if (!reader.HasValueSequence && !IsValidUtf8(reader.ValueSpan))
                    {
                        return "invalid unicode code point";
                    }

                    return null;
                case JsonTokenType.Number:
                    // Only a literal with an exponent or more than 309 characters can overflow f64.
                    ReadOnlySpan<byte> number = reader.HasValueSequence ? default : reader.ValueSpan;
                    bool mayOverflow = reader.HasValueSequence || number.Length > 309 || number.IndexOfAny((byte)'e', (byte)'E') >= 0;
                    if (mayOverflow && (!reader.TryGetDouble(out double value) || double.IsInfinity(value)))
                    {
                        return "number out of range";
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>Turns a System.Text.Json reader exception into a message with 1-based line and column.</summary>
        public static string FromReaderException(JsonException ex, ReadOnlySpan<byte> utf8, int fallbackOffset)
        {
            string message = ex.Message;
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut >= 0)
            {
                message = message.Substring(0, cut);
            }

            message = message.TrimEnd();
            if (ex.LineNumber is long line && ex.BytePositionInLine is long position)
            {
                return message + " at line " + (line + 1).ToString(CultureInfo.InvariantCulture)
                    + " column " + (position + 1).ToString(CultureInfo.InvariantCulture);
            }

            return WithPosition(message, utf8, fallbackOffset);
        }

        /// <summary>Appends " at line L column C" for a 1-based byte offset <paramref name="offset"/> (column counts bytes).</summary>
        public static string WithPosition(string message, ReadOnlySpan<byte> utf8, int offset)
        {
            int line = 1;
            int column = 0;
            int end = Math.Min(offset, utf8.Length);
            for (int i = 0; i < end; i++)
            {
                if (utf8[i] == (byte)'\n')
                {
                    line++;
                    column = 0;
                }
                else
                {
                    column++;
                }
            }

            return message + " at line " + line.ToString(CultureInfo.InvariantCulture)
                + " column " + column.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>Strict UTF-8 validation (no overlong forms, no encoded surrogates, nothing above U+10FFFF).</summary>
        public static bool IsValidUtf8(ReadOnlySpan<byte> bytes)
        {
            int i = 0;
#if NET8_0_OR_GREATER
            // Most text is ASCII: one vectorized search to the first other byte instead of a test per byte.
            i = bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (i < 0)
            {
                return true;
            }
#endif
            while (i < bytes.Length)
            {
                byte b = bytes[i];
                if (b < 0x80)
                {
                    i++;
                    continue;
                }

                int need;
                int min;
                int cp;
                if ((b & 0xE0) == 0xC0)
                {
                    need = 1;
                    min = 0x80;
                    cp = b & 0x1F;
                }
                else if ((b & 0xF0) == 0xE0)
                {
                    need = 2;
                    min = 0x800;
                    cp = b & 0x0F;
                }
                else if ((b & 0xF8) == 0xF0)
                {
                    need = 3;
                    min = 0x10000;
                    cp = b & 0x07;
                }
                else
                {
                    return false;
                }

                if (i + need >= bytes.Length)
                {
                    return false;
                }

                for (int j = 1; j <= need; j++)
                {
                    byte c = bytes[i + j];
                    if ((c & 0xC0) != 0x80)
                    {
                        return false;
                    }

                    cp = (cp << 6) | (c & 0x3F);
                }

                if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                {
                    return false;
                }

                i += need + 1;
            }

            return true;
        }
    }
}
