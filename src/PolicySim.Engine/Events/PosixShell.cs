using System.Collections.Generic;
using System.Text;

namespace PolicySim.Events
{
    /// <summary>POSIX-shell quoting of command words (Clawdstrike spec §2.3, <c>command_exec</c>).</summary>
    internal static class PosixShell
    {
        /// <summary>Quotes <paramref name="command"/> and each argument and joins them with single spaces.</summary>
        public static string Join(string command, IReadOnlyList<string> args)
        {
            var sb = new StringBuilder();
            AppendQuoted(sb, command);
            foreach (string arg in args)
            {
                sb.Append(' ');
                AppendQuoted(sb, arg);
            }

            return sb.ToString();
        }

        /// <summary>
        /// A word of only <c>A-Za-z0-9_@%+=:,./-</c> is kept; the empty word becomes <c>''</c>; anything else is
        /// wrapped in single quotes with each <c>'</c> written as <c>'"'"'</c>.
        /// </summary>
        public static void AppendQuoted(StringBuilder sb, string word)
        {
            if (word.Length == 0)
            {
                sb.Append("''");
                return;
            }

            bool safe = true;
            foreach (char c in word)
            {
                if (!IsSafe(c))
                {
                    safe = false;
                    break;
                }
            }

            if (safe)
            {
                sb.Append(word);
                return;
            }

            sb.Append('\'');
            foreach (char c in word)
            {
                if (c == '\'')
                {
                    sb.Append("'\"'\"'");
                }
                else
                {
                    sb.Append(c);
                }
            }

            sb.Append('\'');
        }

        /// <summary>Quotes one word.</summary>
        public static string Quote(string word)
        {
            var sb = new StringBuilder(word.Length + 2);
            AppendQuoted(sb, word);
            return sb.ToString();
        }

        private static bool IsSafe(char c)
            => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
               || c == '_' || c == '@' || c == '%' || c == '+' || c == '=' || c == ':' || c == ','
               || c == '.' || c == '/' || c == '-';
    }
}
