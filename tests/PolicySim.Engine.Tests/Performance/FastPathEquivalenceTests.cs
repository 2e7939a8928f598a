using System;
using System.Text;
using PolicySim.Evaluation.Text;

namespace PolicySim.Tests.Performance
{
    /// <summary>Fast paths added for throughput must agree exactly with the general code they bypass.</summary>
    public class FastPathEquivalenceTests
    {
        private const string Alphabet = "abcXYZ019 \t\r\n\v\f_-.:/\u0000\u001f\u007f!Ii";

        [Theory]
        [InlineData(1, 200_000)]
        [InlineData(2, 16)]
        [InlineData(3, 0)]
        [InlineData(4, -5)]
        [InlineData(5, 1)]
        public void Ascii_canonicalization_matches_the_general_path(int seed, int maxBytes)
        {
            var random = new Random(seed);
            for (int round = 0; round < 2000; round++)
            {
                var sb = new StringBuilder();
                int length = random.Next(0, 40);
                for (int i = 0; i < length; i++)
                {
                    sb.Append(Alphabet[random.Next(Alphabet.Length)]);
                }

                string text = sb.ToString();
                Assert.Equal(TextCanonicalizer.CanonicalizeGeneral(text, maxBytes), TextCanonicalizer.CanonicalizeAscii(text, maxBytes));
                Assert.Equal(TextCanonicalizer.CanonicalizeGeneral(text, maxBytes), TextCanonicalizer.Canonicalize(text, maxBytes));
            }
        }
    }
}
