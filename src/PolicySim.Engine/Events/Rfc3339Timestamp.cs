using System;

namespace PolicySim.Events
{
    /// <summary>
    /// Parses the <c>timestamp</c> field the way chrono deserializes <c>DateTime&lt;Utc&gt;</c> (its relaxed
    /// RFC 3339 reader): <c>YYYY-MM-DD</c>, separator <c>T</c>, <c>t</c> or a space, <c>hh:mm:ss</c>, optional
    /// fraction (any number of digits, beyond 7 truncated), then an offset that is required: <c>Z</c>/<c>z</c>,
    /// <c>UTC</c> (any case), or <c>±hh:mm</c> / <c>±hhmm</c> (U+2212 minus accepted).
    /// As in chrono, month, day and time fields need not be zero-padded, whitespace may separate components
    /// and trail the value, and second 60 (a leap second) is accepted (kept as 59.9999999 s).
    /// Years must be 1–4 digits without a sign (chrono also takes signed years beyond 9999, which
    /// <see cref="DateTimeOffset"/> cannot hold). Offsets beyond ±14 h (legal in chrono, not in .NET) are
    /// converted to UTC.
    /// </summary>
    internal static class Rfc3339Timestamp
    {
        /// <summary>Parses <paramref name="text"/>; on failure returns false and a chrono-like message.</summary>
        public static bool TryParse(string text, out DateTimeOffset value, out string? error)
        {
            error = null;
            return TryParseCanonical(text, out value) || TryParseGeneral(text, out value, out error);
        }

        /// <summary>
        /// The form nearly every log writes, <c>YYYY-MM-DDThh:mm:ss</c>, an optional fraction, then <c>Z</c>, read by
        /// fixed positions (every event has a timestamp: the general reader cost ~0.2 µs per event). False for anything
        /// else, including values out of range and leap seconds, which <see cref="TryParseGeneral"/> then reads (or
        /// rejects with its message); where this returns true, the general reader gives the same value.
        /// </summary>
        /// <param name="text">The timestamp.</param>
        /// <param name="value">The instant, when true.</param>
        /// <returns>Whether the text has the canonical form and is in range.</returns>
        internal static bool TryParseCanonical(string text, out DateTimeOffset value)
        {
            value = default;
            int last = text.Length - 1;
            if (last < 19 || text[last] != 'Z' || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
                || !Digits(text, 0, 4, out int year) || !Digits(text, 5, 2, out int month) || !Digits(text, 8, 2, out int day)
                || !Digits(text, 11, 2, out int hour) || !Digits(text, 14, 2, out int minute) || !Digits(text, 17, 2, out int second))
            {
                return false;
            }

            long fractionTicks = 0;
            if (last > 19)
            {
                // A fraction: '.', then only digits up to the Z (beyond seven digits truncated, as the general reader).
                if (text[19] != '.' || last == 20)
                {
                    return false;
                }

                long scale = TimeSpan.TicksPerSecond;
                for (int pos = 20; pos < last; pos++)
                {
                    char c = text[pos];
                    if (c < '0' || c > '9')
                    {
                        return false;
                    }

                    scale /= 10;
                    fractionTicks += (c - '0') * scale;
                }
            }

            if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }

            value = new DateTimeOffset(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks), TimeSpan.Zero);
            return true;
        }

        private static bool Digits(string text, int start, int count, out int value)
        {
            value = 0;
            for (int i = start; i < start + count; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            return true;
        }

        /// <summary>The full chrono-compatible reader (see the type); <see cref="TryParse"/> tries the canonical form first.</summary>
        /// <param name="text">The timestamp.</param>
        /// <param name="value">The instant, when true.</param>
        /// <param name="error">A chrono-like message, when false.</param>
        /// <returns>Whether the text is a valid timestamp.</returns>
        internal static bool TryParseGeneral(string text, out DateTimeOffset value, out string? error)
        {
            value = default;
            error = null;
            int pos = 0;
            if (!Number(text, ref pos, 1, 4, out int year, ref error)
                || !Literal(text, ref pos, '-', ref error)
                || !Number(text, ref pos, 1, 2, out int month, ref error)
                || !Literal(text, ref pos, '-', ref error)
                || !Number(text, ref pos, 1, 2, out int day, ref error))
            {
                return false;
            }

            if (pos >= text.Length)
            {
                error = "premature end of input";
                return false;
            }

            char separator = text[pos];
            if (separator != 'T' && separator != 't' && separator != ' ')
            {
                error = "input contains invalid characters";
                return false;
            }

            pos++;
            if (!Number(text, ref pos, 1, 2, out int hour, ref error)
                || !Literal(text, ref pos, ':', ref error)
                || !Number(text, ref pos, 1, 2, out int minute, ref error)
                || !Literal(text, ref pos, ':', ref error)
                || !Number(text, ref pos, 1, 2, out int second, ref error))
            {
                return false;
            }

            long fractionTicks = 0;
            if (pos < text.Length && text[pos] == '.')
            {
                pos++;
                int start = pos;
                long scale = TimeSpan.TicksPerSecond;
                while (pos < text.Length && text[pos] >= '0' && text[pos] <= '9')
                {
                    scale /= 10;
                    fractionTicks += (text[pos] - '0') * scale;
                    pos++;
                }

                if (pos == start)
                {
                    error = pos >= text.Length ? "premature end of input" : "input contains invalid characters";
                    return false;
                }
            }

            SkipSpaces(text, ref pos);
            if (!Offset(text, ref pos, out int offsetMinutes, ref error))
            {
                return false;
            }

            SkipSpaces(text, ref pos);
            if (pos != text.Length)
            {
                error = "trailing input";
                return false;
            }

            if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month)
                || hour > 23 || minute > 59 || second > 60 || Math.Abs(offsetMinutes) >= 24 * 60)
            {
                error = "input is out of range";
                return false;
            }

            bool leap = second == 60;
            var local = new DateTime(year, month, day, hour, minute, leap ? 59 : second, DateTimeKind.Unspecified);
            local = local.AddTicks(leap ? TimeSpan.TicksPerSecond - 1 : fractionTicks);
            var offset = TimeSpan.FromMinutes(offsetMinutes);
            try
            {
                if (Math.Abs(offsetMinutes) > 14 * 60)
                {
                    value = new DateTimeOffset(DateTime.SpecifyKind(local - offset, DateTimeKind.Utc));
                }
                else
                {
                    value = new DateTimeOffset(local, offset);
                }
            }
            catch (ArgumentOutOfRangeException)
            {
                error = "input is out of range";
                return false;
            }

            return true;
        }

        private static bool Number(string text, ref int pos, int minDigits, int maxDigits, out int value, ref string? error)
        {
            SkipSpaces(text, ref pos);
            value = 0;
            int start = pos;
            while (pos < text.Length && pos - start < maxDigits && text[pos] >= '0' && text[pos] <= '9')
            {
                value = (value * 10) + (text[pos] - '0');
                pos++;
            }

            if (pos - start < minDigits)
            {
                error = pos >= text.Length ? "premature end of input" : "input contains invalid characters";
                return false;
            }

            return true;
        }

        private static bool Literal(string text, ref int pos, char expected, ref string? error)
        {
            SkipSpaces(text, ref pos);
            if (pos >= text.Length)
            {
                error = "premature end of input";
                return false;
            }

            if (text[pos] != expected)
            {
                error = "input contains invalid characters";
                return false;
            }

            pos++;
            return true;
        }

        private static bool Offset(string text, ref int pos, out int minutes, ref string? error)
        {
            minutes = 0;
            if (pos >= text.Length)
            {
                error = "premature end of input";
                return false;
            }

            if (text.Length - pos >= 3 && string.Compare(text, pos, "UTC", 0, 3, StringComparison.OrdinalIgnoreCase) == 0)
            {
                pos += 3;
                return true;
            }

            char c = text[pos];
            if (c == 'Z' || c == 'z')
            {
                pos++;
                return true;
            }

            int sign;
            if (c == '+')
            {
                sign = 1;
            }
            else if (c == '-' || c == '\u2212')
            {
                sign = -1;
            }
            else
            {
                error = "input contains invalid characters";
                return false;
            }

            pos++;
            if (!TwoDigits(text, ref pos, out int hours, ref error))
            {
                return false;
            }

            if (pos < text.Length && text[pos] == ':')
            {
                pos++;
            }

            if (!TwoDigits(text, ref pos, out int mins, ref error))
            {
                return false;
            }

            if (mins > 59)
            {
                error = "input is out of range";
                return false;
            }

            minutes = sign * ((hours * 60) + mins);
            return true;
        }

        private static bool TwoDigits(string text, ref int pos, out int value, ref string? error)
        {
            value = 0;
            for (int i = 0; i < 2; i++)
            {
                if (pos >= text.Length)
                {
                    error = "premature end of input";
                    return false;
                }

                char c = text[pos];
                if (c < '0' || c > '9')
                {
                    error = "input contains invalid characters";
                    return false;
                }

                value = (value * 10) + (c - '0');
                pos++;
            }

            return true;
        }

        private static void SkipSpaces(string text, ref int pos)
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }
        }

    }
}
