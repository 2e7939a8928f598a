using System;
using System.Globalization;
using System.Text;

namespace PolicySim.Evaluation.Matching
{
    /// <summary>
    /// Why a pattern is not a valid Rust <c>regex</c> 1.12 pattern: the error kind text used by
    /// <c>regex-syntax</c> and the span it points at.
    /// </summary>
    internal sealed class RustRegexError
    {
        /// <summary>Creates an error.</summary>
        /// <param name="pattern">The pattern that failed.</param>
        /// <param name="kind">The error kind text, e.g. <c>backreferences are not supported</c>.</param>
        /// <param name="start">UTF-16 offset where the offending span starts.</param>
        /// <param name="end">UTF-16 offset where the offending span ends (exclusive).</param>
        /// <param name="auxStart">Start of the secondary span (e.g. the first of two duplicates), or -1.</param>
        /// <param name="auxEnd">End of the secondary span, or -1.</param>
        internal RustRegexError(string pattern, string kind, int start, int end, int auxStart = -1, int auxEnd = -1)
        {
            Pattern = pattern;
            Kind = kind;
            Start = start;
            End = end;
            AuxStart = auxStart;
            AuxEnd = auxEnd;
        }

        /// <summary>Gets the pattern that failed.</summary>
        internal string Pattern { get; }

        /// <summary>Gets the error kind text as <c>regex-syntax</c> prints it.</summary>
        internal string Kind { get; }

        /// <summary>Gets the UTF-16 start offset of the offending span.</summary>
        internal int Start { get; }

        /// <summary>Gets the UTF-16 end offset (exclusive) of the offending span.</summary>
        internal int End { get; }

        /// <summary>Gets the start of the auxiliary span, or -1.</summary>
        internal int AuxStart { get; }

        /// <summary>Gets the end of the auxiliary span, or -1.</summary>
        internal int AuxEnd { get; }

        /// <summary>Gets the one-line form: <c>regex parse error: {kind}</c>.</summary>
        internal string ShortMessage => "regex parse error: " + Kind;

        /// <inheritdoc />
        public override string ToString() => ShortMessage;

        /// <summary>
        /// Renders the error the way Rust's <c>regex::Error</c> displays it (pattern echoed with carets under
        /// the span, then <c>error: {kind}</c>), which is what the reference embeds in validation messages.
        /// </summary>
        internal string ToRustDisplay()
        {
            string[] lines = SplitLines(Pattern);
            int lineCount = lines.Length;
            if (Pattern.Length > 0 && Pattern[Pattern.Length - 1] == '\n')
            {
                lineCount++;
            }

            int numberWidth = lineCount <= 1 ? 0 : lineCount.ToString(CultureInfo.InvariantCulture).Length;
            (int Line, int Column) s = Locate(Start);
            (int Line, int Column) e = Locate(End);
            (int Line, int Column) auxS = AuxStart >= 0 ? Locate(AuxStart) : (0, 0);
            (int Line, int Column) auxE = AuxStart >= 0 ? Locate(AuxEnd) : (0, 0);

            var sb = new StringBuilder();
            bool multiLinePattern = Pattern.IndexOf('\n') is >= 0;
            string divider = new string('~', 79);
            sb.Append("regex parse error:\n");
            if (multiLinePattern)
            {
                sb.Append(divider).Append('\n');
            }

            for (int i = 0; i < lines.Length; i++)
            {
                sb.Append(numberWidth > 0
                    ? (i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(numberWidth) + ": "
                    : "    ");
                sb.Append(lines[i]).Append('\n');

                // Spans on this line, sorted by start; multi-line spans are reported separately.
                var spans = new System.Collections.Generic.List<(int Start, int End)>();
                if (s.Line == e.Line && s.Line == i + 1)
                {
                    spans.Add((s.Column, e.Column));
                }

                if (AuxStart >= 0 && auxS.Line == auxE.Line && auxS.Line == i + 1)
                {
                    spans.Add((auxS.Column, auxE.Column));
                }

                if (spans.Count == 0)
                {
                    continue;
                }

                spans.Sort();
                int pad = numberWidth == 0 ? 4 : 2 + numberWidth;
                sb.Append(' ', pad);
                int pos = 0;
                foreach ((int start, int end) in spans)
                {
                    for (; pos < start - 1; pos++)
                    {
                        sb.Append(' ');
                    }

                    int len = Math.Max(1, end - start);
                    sb.Append('^', len);
                    pos += len;
                }

                sb.Append('\n');
            }

            if (multiLinePattern)
            {
                sb.Append(divider).Append('\n');
                if (s.Line != e.Line)
                {
                    sb.Append("on line ").Append(s.Line.ToString(CultureInfo.InvariantCulture))
                        .Append(" (column ").Append(s.Column.ToString(CultureInfo.InvariantCulture))
                        .Append(") through line ").Append(e.Line.ToString(CultureInfo.InvariantCulture))
                        .Append(" (column ").Append((e.Column - 1).ToString(CultureInfo.InvariantCulture))
                        .Append(")\n");
                }
            }

            sb.Append("error: ").Append(Kind);
            return sb.ToString();
        }

        // Rust's str::lines: split on \n, drop one trailing \r per line, no final empty line.
        private static string[] SplitLines(string text)
        {
            var result = new System.Collections.Generic.List<string>();
            int start = 0;
            while (start < text.Length)
            {
                int nl = text.IndexOf('\n', start);
                int end = nl < 0 ? text.Length : nl;
                int len = end - start;
                if (len > 0 && text[end - 1] == '\r')
                {
                    len--;
                }

                result.Add(text.Substring(start, len));
                if (nl < 0)
                {
                    break;
                }

                start = nl + 1;
            }

            return result.ToArray();
        }

        // Line (1-based) and column (1-based, counted in code points) of a UTF-16 offset, as regex-syntax
        // tracks them.
        private (int Line, int Column) Locate(int offset)
        {
            int line = 1;
            int column = 1;
            for (int i = 0; i < offset && i < Pattern.Length; i++)
            {
                char c = Pattern[i];
                if (c == '\n')
                {
                    line++;
                    column = 1;
                }
                else if (!char.IsLowSurrogate(c) || i == 0 || !char.IsHighSurrogate(Pattern[i - 1]))
                {
                    column++;
                }
            }

            return (line, column);
        }
    }
}
