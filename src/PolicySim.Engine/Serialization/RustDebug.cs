using System.Globalization;
using System.Text;

namespace PolicySim.Serialization
{
    /// <summary>Rust's <c>{:?}</c> formatting of strings, which the reference uses in several messages.</summary>
    internal static class RustDebug
    {
        /// <summary>Approximates Rust's <c>{:?}</c> of a string: quoted, with \" \\ \n \r \t \0 escaped.</summary>
        public static string Quote(string text)
        {
            var sb = new StringBuilder(text.Length + 2);
            sb.Append('"');
            foreach (char c in text)
            {
                switch (c)
                {
                    case '"':
                        sb.Append("\\\"");
                        break;
                    case '\\':
                        sb.Append("\\\\");
                        break;
                    case '\n':
                        sb.Append("\\n");
                        break;
                    case '\r':
                        sb.Append("\\r");
                        break;
                    case '\t':
                        sb.Append("\\t");
                        break;
                    case '\0':
                        sb.Append("\\0");
                        break;
                    default:
                        if (c < 0x20 || c == 0x7F)
                        {
                            sb.Append("\\u{").Append(((int)c).ToString("x", CultureInfo.InvariantCulture)).Append('}');
                        }
                        else
                        {
                            sb.Append(c);
                        }

                        break;
                }
            }

            return sb.Append('"').ToString();
        }
    }
}
