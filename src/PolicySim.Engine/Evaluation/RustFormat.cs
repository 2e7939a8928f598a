using System;
using System.Globalization;

namespace PolicySim.Evaluation
{
    /// <summary>Number formatting the way Rust's <c>format!</c> prints it, where .NET differs.</summary>
    internal static class RustFormat
    {
        /// <summary>
        /// <c>{:.2}</c>: two decimals, exact ties rounded to even (Rust) where .NET rounds them away from zero;
        /// infinity prints as <c>inf</c>.
        /// </summary>
        public static string Fixed2(double value)
        {
            if (double.IsPositiveInfinity(value))
            {
                return "inf";
            }

            if (double.IsNegativeInfinity(value))
            {
                return "-inf";
            }

            if (double.IsNaN(value))
            {
                return "NaN";
            }

            // A binary double is an exact tie at two decimals only when value*8 is an odd integer (x.125, x.375, ...).
            double eighths = value * 8;
            if (Math.Abs(eighths) < 1e15 && eighths == Math.Floor(eighths) && ((long)Math.Abs(eighths) & 1) == 1)
            {
                double hundredths = Math.Floor(Math.Abs(value) * 100);
                if (((long)hundredths & 1) == 1)
                {
                    hundredths += 1;
                }

                double rounded = Math.Sign(value) * hundredths / 100;
                return rounded.ToString("F2", CultureInfo.InvariantCulture);
            }

            return value.ToString("F2", CultureInfo.InvariantCulture);
        }
    }
}
