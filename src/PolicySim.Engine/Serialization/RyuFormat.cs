using System;
using System.Globalization;
using System.Text;

namespace PolicySim.Serialization
{
    /// <summary>
    /// Formats binary floating-point numbers the way Rust's <c>ryu</c> crate does (and therefore the way
    /// <c>serde_json</c> prints <c>f64</c>/<c>f32</c>): shortest round-trip digits, laid out as
    /// <list type="bullet">
    /// <item><description>integral values up to the decimal-notation limit: <c>digits</c> + zeros + <c>.0</c> (<c>100.0</c>);</description></item>
    /// <item><description>other values whose decimal exponent is in range: plain decimal (<c>12.34</c>, <c>0.0001</c>);</description></item>
    /// <item><description>everything else: <c>d.ddde±x</c> without <c>+</c> or leading exponent zeros (<c>1e16</c>, <c>1.5e-7</c>).</description></item>
    /// </list>
    /// With <c>kk</c> = position of the decimal point relative to the first significant digit
    /// (10^(kk-1) &lt;= |v| &lt; 10^kk) and <c>k</c> = exponent of the last digit, ryu uses:
    /// f64: integral form when <c>k &gt;= 0 &amp;&amp; kk &lt;= 16</c>, decimal when <c>0 &lt; kk &lt;= 16</c> or
    /// <c>-5 &lt; kk &lt;= 0</c>, else exponent; f32: the same with 13 instead of 16 and <c>-6</c> instead of <c>-5</c>.
    /// </summary>
    internal static class RyuFormat
    {
        /// <summary>Formats an f64 like ryu. Callers handle non-finite values (serde_json prints <c>null</c>).</summary>
        public static string FormatDouble(double value)
        {
            var sb = new StringBuilder(24);
            AppendDouble(sb, value);
            return sb.ToString();
        }

        /// <summary>Formats an f32 like ryu. Callers handle non-finite values.</summary>
        public static string FormatSingle(float value)
        {
            var sb = new StringBuilder(16);
            AppendSingle(sb, value);
            return sb.ToString();
        }

        /// <summary>Appends an f64 in ryu layout; NaN/infinity are appended as <c>null</c>.</summary>
        public static void AppendDouble(StringBuilder sb, double value)
        {
            if (AppendSpecial(sb, value, out bool negative))
            {
                return;
            }

            string digits = ShortestDigits(Math.Abs(value), out int pointPosition);
            Layout(sb, negative, digits, pointPosition, 16, -5);
        }

        /// <summary>Appends an f32 in ryu layout; NaN/infinity are appended as <c>null</c>.</summary>
        public static void AppendSingle(StringBuilder sb, float value)
        {
            // Widening to double is exact: sign, zero, NaN and infinity carry over unchanged.
            if (AppendSpecial(sb, value, out bool negative))
            {
                return;
            }

            string digits = ShortestDigitsSingle(Math.Abs(value), out int pointPosition);
            Layout(sb, negative, digits, pointPosition, 13, -6);
        }

        /// <summary>Writes the values with no digits to lay out (non-finite as <c>null</c>, ±0 as <c>0.0</c>/<c>-0.0</c>).</summary>
        /// <returns>True when <paramref name="value"/> was written; otherwise false, with its sign.</returns>
        private static bool AppendSpecial(StringBuilder sb, double value, out bool negative)
        {
            negative = BitConverter.DoubleToInt64Bits(value) < 0;
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                sb.Append("null");
                return true;
            }

            if (value == 0)
            {
                sb.Append(negative ? "-0.0" : "0.0");
                return true;
            }

            return false;
        }

        /// <summary>
        /// Shortest round-trip significant digits of a positive finite double (no trailing zeros) and the
        /// decimal point position <c>kk</c> (value = 0.digits × 10^kk).
        /// </summary>
        internal static string ShortestDigits(double positive, out int pointPosition)
        {
#if NET8_0_OR_GREATER
            // .NET Core 3.0+ "R" is the shortest round-trippable representation (closest to the exact value).
            return SplitDigits(positive.ToString("R", CultureInfo.InvariantCulture), out pointPosition);
#else
            return ShortestDigitsPortable(positive, out pointPosition);
#endif
        }

        /// <summary>
        /// Portable shortest-digits search for runtimes whose "R" is not shortest (.NET Framework):
        /// any double that came from a decimal of at most 15 significant digits prints back as that decimal
        /// with G15; otherwise the correctly rounded 16-digit form is used if it round-trips, else 17 digits.
        /// </summary>
        internal static string ShortestDigitsPortable(double positive, out int pointPosition)
        {
            // Subnormals carry fewer than 53 significant bits, so their shortest form may be much shorter.
            int first = positive < 2.2250738585072014E-308 ? 1 : 15;
            for (int precision = first; precision <= 17; precision++)
            {
                string text = positive.ToString("E" + (precision - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                if (precision == 17 || double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) == positive)
                {
                    return SplitDigits(text, out pointPosition);
                }
            }

            throw new InvalidOperationException("unreachable");
        }

        private static string ShortestDigitsSingle(float positive, out int pointPosition)
        {
#if NET8_0_OR_GREATER
            return SplitDigits(positive.ToString("R", CultureInfo.InvariantCulture), out pointPosition);
#else
            for (int precision = 1; precision <= 9; precision++)
            {
                string text = positive.ToString("E" + (precision - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                if (precision == 9 || float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) == positive)
                {
                    return SplitDigits(text, out pointPosition);
                }
            }

            throw new InvalidOperationException("unreachable");
#endif
        }

        /// <summary>Splits a .NET invariant number text ("123.45", "1.5E-07", "1E+16") into digits and point position.</summary>
        private static string SplitDigits(string text, out int pointPosition)
        {
            var digits = new StringBuilder(20);
            int intDigits = 0;
            bool seenPoint = false;
            int exponent = 0;
            int i = 0;
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (c >= '0' && c <= '9')
                {
                    digits.Append(c);
                    if (!seenPoint)
                    {
                        intDigits++;
                    }
                }
                else if (c == '.')
                {
                    seenPoint = true;
                }
                else if (c == 'E' || c == 'e')
                {
                    exponent = ParseExponent(text, i + 1);
                    break;
                }
            }

            // Strip leading zeros (e.g. "0.001") and trailing zeros.
            int lead = 0;
            while (lead < digits.Length - 1 && digits[lead] == '0')
            {
                lead++;
            }

            int end = digits.Length;
            while (end > lead + 1 && digits[end - 1] == '0')
            {
                end--;
            }

            pointPosition = intDigits - lead + exponent;
            return digits.ToString(lead, end - lead);
        }

        private static int ParseExponent(string text, int start)
        {
            bool negative = false;
            if (start < text.Length && (text[start] == '-' || text[start] == '+'))
            {
                negative = text[start] == '-';
                start++;
            }

            int value = 0;
            for (int i = start; i < text.Length; i++)
            {
                value = (value * 10) + (text[i] - '0');
            }

            return negative ? -value : value;
        }

        private static void Layout(StringBuilder sb, bool negative, string digits, int kk, int maxDecimal, int minExclusive)
        {
            if (negative)
            {
                sb.Append('-');
            }

            int length = digits.Length;
            int k = kk - length;
            if (k >= 0 && kk <= maxDecimal)
            {
                sb.Append(digits).Append('0', kk - length).Append(".0");
            }
            else if (kk > 0 && kk <= maxDecimal)
            {
                sb.Append(digits, 0, kk).Append('.').Append(digits, kk, length - kk);
            }
            else if (kk > minExclusive && kk <= 0)
            {
                sb.Append("0.").Append('0', -kk).Append(digits);
            }
            else
            {
                sb.Append(digits[0]);
                if (length > 1)
                {
                    sb.Append('.').Append(digits, 1, length - 1);
                }

                sb.Append('e').Append((kk - 1).ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}
