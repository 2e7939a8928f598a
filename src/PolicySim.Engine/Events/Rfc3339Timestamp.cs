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
