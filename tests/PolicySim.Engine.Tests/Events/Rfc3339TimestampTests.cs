using System.Globalization;
using PolicySim.Events;

namespace PolicySim.Tests.Events
{
    /// <summary>The canonical-form fast path of the timestamp reader must agree with the general reader everywhere.</summary>
    public class Rfc3339TimestampTests
    {
        private static string Generate(Random r)
        {
            string s = string.Format(
                CultureInfo.InvariantCulture,
                "{0:D4}-{1:D2}-{2:D2}T{3:D2}:{4:D2}:{5:D2}",
                r.Next(6) == 0 ? r.Next(0, 10000) : r.Next(1990, 2100),
                r.Next(6) == 0 ? r.Next(0, 14) : r.Next(1, 13),
                r.Next(6) == 0 ? r.Next(0, 33) : r.Next(1, 29),
                r.Next(8) == 0 ? r.Next(0, 26) : r.Next(0, 24),
                r.Next(8) == 0 ? r.Next(0, 62) : r.Next(0, 60),
                r.Next(8) == 0 ? r.Next(58, 62) : r.Next(0, 60));
            if (r.Next(2) == 0)
            {
                s += "." + string.Concat(Enumerable.Range(0, r.Next(0, 12)).Select(_ => (char)('0' + r.Next(10))));
            }

            s += r.Next(10) switch { 0 => "z", 1 => "+02:00", 2 => " Z", 3 => "UTC", 4 => string.Empty, _ => "Z" };

            // Damage some: a character replaced, dropped or added anywhere.
            if (r.Next(4) == 0)
            {
                int at = r.Next(s.Length);
                string[] pieces = { "0", "9", "-", ":", "T", "t", " ", ".", "Z", "x", "\u0661" };
                s = r.Next(3) switch
                {
                    0 => s.Remove(at, 1).Insert(at, pieces[r.Next(pieces.Length)]),
                    1 => s.Remove(at, 1),
                    _ => s.Insert(at, pieces[r.Next(pieces.Length)]),
                };
            }

            return s;
        }

        [Fact]
        public void The_canonical_fast_path_agrees_with_the_general_reader()
        {
            var random = new Random(20261122);
            int fast = 0;
            for (int i = 0; i < 200_000; i++)
            {
                string text = Generate(random);
                bool general = Rfc3339Timestamp.TryParseGeneral(text, out DateTimeOffset expected, out string? expectedError);
                if (Rfc3339Timestamp.TryParseCanonical(text, out DateTimeOffset canonical))
                {
                    fast++;
                    Assert.True(general, text);
                    Assert.Equal(expected, canonical);
                    Assert.Equal(expected.Offset, canonical.Offset);
                }

                Assert.Equal(general, Rfc3339Timestamp.TryParse(text, out DateTimeOffset value, out string? error));
                Assert.Equal(expected, value);
                Assert.Equal(expected.Offset, value.Offset);
                Assert.Equal(expectedError, error);
            }

            // The fast path must take most generated timestamps, or this proves nothing.
            Assert.True(fast > 60_000, "fast path took " + fast);
        }

        [Theory]
        [InlineData("2026-11-22T10:11:12Z", true)]
        [InlineData("2026-11-22T10:11:12.123456789Z", true)]
        [InlineData("9999-12-31T23:59:59.9999999Z", true)]
        [InlineData("2026-02-29T00:00:00Z", false)] // not a leap year: the general reader's range error
        [InlineData("2024-02-29T00:00:00Z", true)]
        [InlineData("2026-06-30T23:59:60Z", false)] // leap second: the general reader keeps it as 59.9999999
        [InlineData("0000-01-01T00:00:00Z", false)]
        [InlineData("2026-11-22T10:11:12.Z", false)]
        [InlineData("2026-11-22t10:11:12Z", false)]
        [InlineData("2026-11-22T10:11:12z", false)]
        [InlineData("2026-11-22T10:11:12+00:00", false)]
        public void Canonical_form_only(string text, bool canonical)
        {
            Assert.Equal(canonical, Rfc3339Timestamp.TryParseCanonical(text, out _));
        }
    }
}
