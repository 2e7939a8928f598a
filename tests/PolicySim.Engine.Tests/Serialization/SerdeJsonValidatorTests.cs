using System.Text;
using PolicySim.Serialization;

namespace PolicySim.Tests.Serialization
{
    public class SerdeJsonValidatorTests
    {
        [Theory]
        [InlineData("{\"a\":1}")]
        [InlineData("  [1, \"x\", null]  ")]
        [InlineData("\"\\ud83d\\ude00\"")]
        [InlineData("1e308")]
        public void Accepts_what_serde_json_accepts(string json)
            => Assert.Null(SerdeJsonValidator.Validate(Encoding.UTF8.GetBytes(json)));

        [Theory]
        [InlineData("{\"a\":\"\\ud800\"}", "surrogate")]
        [InlineData("{\"\\udc00\":1}", "surrogate")]
        [InlineData("[1e400]", "number out of range")]
        [InlineData("{\"a\":1} x", "line 1 column")]
        [InlineData("", "EOF while parsing a value")]
        [InlineData("{\"a\":", "line 1")]
        [InlineData("[1,]", "line 1")]
        public void Rejects_what_serde_json_rejects(string json, string fragment)
        {
            string? problem = SerdeJsonValidator.Validate(Encoding.UTF8.GetBytes(json));
            Assert.NotNull(problem);
            Assert.Contains(fragment, problem);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(4096)]
        [InlineData(200_000)]
        public void Checks_escaped_strings_of_any_length(int repeat)
        {
            // Escaped strings are unescaped into a pooled buffer: every escape kind, multi-byte text, a valid pair.
            string body = string.Concat(System.Linq.Enumerable.Repeat("line\\n\\t\\\"é日\\u00e9\\ud83d\\ude00", repeat));
            Assert.Null(SerdeJsonValidator.Validate(Encoding.UTF8.GetBytes("{\"content\":\"" + body + "\"}")));
            string problem = SerdeJsonValidator.Validate(Encoding.UTF8.GetBytes("{\"content\":\"" + body + "\\ud800x\"}"))!;
            Assert.Contains("surrogate", problem);
        }

        [Fact]
        public void Rejects_invalid_utf8_in_strings()
        {
            byte[] bytes = { (byte)'"', 0xC3, 0x28, (byte)'"' };
            Assert.Contains("invalid unicode code point", SerdeJsonValidator.Validate(bytes));
            byte[] encodedSurrogate = { (byte)'"', 0xED, 0xA0, 0x80, (byte)'"' };
            Assert.NotNull(SerdeJsonValidator.Validate(encodedSurrogate));
        }

        [Fact]
        public void Nesting_deeper_than_128_is_rejected()
        {
            Assert.Null(SerdeJsonValidator.Validate(Encoding.UTF8.GetBytes(new string('[', 128) + new string(']', 128))));
            Assert.NotNull(SerdeJsonValidator.Validate(Encoding.UTF8.GetBytes(new string('[', 129) + new string(']', 129))));
        }
    }
}
