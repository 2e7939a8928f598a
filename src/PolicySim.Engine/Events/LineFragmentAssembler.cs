using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PolicySim.Serialization;

namespace PolicySim.Events
{
    /// <summary>
    /// Turns text that arrives in pieces (PowerShell's <c>Get-Content</c> sends one string per line,
    /// <c>Get-Content -Raw</c> one string for the whole file) into complete event records, as they complete.
    /// </summary>
    /// <remarks>
    /// <para>Each pushed string is split into physical lines (<c>\n</c>, <c>\r\n</c> or <c>\r</c>); a string without a
    /// line break is one line. Lines are counted from 1 over everything pushed.</para>
    /// <para>The layout is decided by the first non-blank line of a document: a line starting with <c>[</c> opens a JSON
    /// array whose elements are emitted one by one as they close (the array is never held whole; pretty-printed arrays
    /// work line by line); otherwise every non-blank line is one record (JSONL). In JSONL a line that is only <c>{</c>
    /// starts a pretty-printed object that continues until its braces balance (what <c>ConvertTo-Json</c> writes).
    /// When an array closes, the next non-blank line starts a new document, so several files can be piped in a row.</para>
    /// <para>Records and errors carry the line where they start; every record is checked like
    /// <see cref="EventStreamReader"/> checks it, and a malformed one becomes an <see cref="EventReadError"/> in place.
    /// Memory is bounded by the largest record (<see cref="EventStreamOptions.MaxRecordBytes"/>).</para>
    /// </remarks>
    public sealed class LineFragmentAssembler
    {
        private readonly string _source;
        private readonly int _maxRecordChars;
        private readonly StringBuilder _record = new StringBuilder();
        private readonly Stack<char> _closers = new Stack<char>();
        private List<EventReadResult>? _output;
        private Mode _mode;
        private long _line;
        private long _recordLine;
        private bool _inString;
        private bool _escaped;
        private bool _oversize;
        private bool _malformed;
        private bool _expectElement;
        private bool _sawBom;

        /// <summary>Creates an assembler.</summary>
        /// <param name="source">The input name used in records and errors (e.g. <c>pipeline</c>).</param>
        /// <param name="options">Limits; null for defaults.</param>
        public LineFragmentAssembler(string source, EventStreamOptions? options = null)
        {
            _source = source ?? throw new ArgumentNullException(nameof(source));
            _maxRecordChars = (options ?? new EventStreamOptions()).MaxRecordBytes;
        }

        private enum Mode
        {
            /// <summary>Waiting for the first non-blank line of a document.</summary>
            Detect,

            /// <summary>One record per non-blank line.</summary>
            Lines,

            /// <summary>Inside a pretty-printed object of a JSONL stream (started by a line that is only <c>{</c>).</summary>
            LinesObject,

            /// <summary>Inside a JSON array.</summary>
            Array,

            /// <summary>An array had a syntax error: the rest of that document is skipped (as <see cref="EventStreamReader"/> does).</summary>
            Failed,
        }

        /// <summary>Gets the input name.</summary>
        public string Source => _source;

        /// <summary>Gets the number of physical lines pushed so far.</summary>
        public long LineCount => _line;

        /// <summary>Gets the layout of the current document (<see cref="EventStreamFormat.Unknown"/> before its first non-blank line).</summary>
        public EventStreamFormat Format => _mode switch
        {
            Mode.Lines or Mode.LinesObject => EventStreamFormat.JsonLines,
            Mode.Array or Mode.Failed => EventStreamFormat.JsonArray,
            _ => EventStreamFormat.Unknown,
        };

        /// <summary>Adds text: one line, several lines, or a whole document.</summary>
        /// <param name="text">The text; null counts as one blank line.</param>
        /// <returns>The records (and errors) completed by this text, in input order; often none.</returns>
        public IReadOnlyList<EventReadResult> Push(string? text)
        {
            _output = null;
            text ??= string.Empty;
            int start = 0;
            while (true)
            {
                int end = text.IndexOfAny(LineBreaks, start);
                if (end < 0)
                {
                    AddLine(text, start, text.Length);
                    break;
                }

                AddLine(text, start, end);
                start = end + 1;
                if (text[end] == '\r' && start < text.Length && text[start] == '\n')
                {
                    start++;
                }

                if (start == text.Length)
                {
                    break; // "a\n" is one line, as Get-Content reads it
                }
            }

            return Take();
        }

        /// <summary>Ends the input: an unclosed array or object becomes an error.</summary>
        /// <returns>The last errors, if any.</returns>
        public IReadOnlyList<EventReadResult> Complete()
        {
            _output = null;
            switch (_mode)
            {
                case Mode.Array:
                    Fail(_record.Length > 0 || _oversize ? _recordLine : _line, "EOF while parsing a list at line " + Num(_line));
                    break;
                case Mode.LinesObject:
                    Error(_recordLine, "EOF while parsing an object at line " + Num(_line));
                    ResetRecord();
                    break;
            }

            _mode = Mode.Detect;
            return Take();
        }

        private static readonly char[] LineBreaks = { '\n', '\r' };

        private static string Num(long n) => n.ToString(CultureInfo.InvariantCulture);

        private static bool IsJsonWhitespace(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\r';

        private void AddLine(string text, int start, int end)
        {
            _line++;
            if (!_sawBom)
            {
                _sawBom = true;
                if (start < end && text[start] == '\uFEFF')
                {
                    start++;
                }
            }

            if (_mode == Mode.Detect)
            {
                int first = start;
                while (first < end && IsJsonWhitespace(text[first]))
                {
                    first++;
                }

                if (first == end)
                {
                    return; // blank line before a document
                }

                if (text[first] == '[')
                {
                    _mode = Mode.Array;
                    _closers.Clear();
                    _expectElement = false;
                    ScanArray(text, first + 1, end);
                    return;
                }

                _mode = Mode.Lines;
            }

            switch (_mode)
            {
                case Mode.Lines:
                    AddJsonLine(text, start, end);
                    break;
                case Mode.LinesObject:
                    AppendObjectLine(text, start, end);
                    break;
                case Mode.Array:
                    ScanArray(text, start, end);
                    break;
            }
        }

        private void AddJsonLine(string text, int start, int end)
        {
            int first = start;
            while (first < end && IsJsonWhitespace(text[first]))
            {
                first++;
            }

            int last = end;
            while (last > first && IsJsonWhitespace(text[last - 1]))
            {
                last--;
            }

            if (first == last)
            {
                return; // blank line
            }

            if (last - first == 1 && text[first] == '{')
            {
                // A pretty-printed object: collect lines until its braces balance.
                _mode = Mode.LinesObject;
                _recordLine = _line;
                _closers.Clear();
                _inString = false;
                _escaped = false;
                _malformed = false;
                AppendObjectLine(text, start, end);
                return;
            }

            Emit(_line, text.Substring(start, end - start));
        }

        private void AppendObjectLine(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (!Track(c))
                {
                    continue;
                }

                if (_closers.Count == 0)
                {
                    // The object closed; anything after it on this line belongs to it (and makes it invalid).
                    Append(text, start, end);
                    FinishRecord(_recordLine);
                    _mode = Mode.Lines;
                    return;
                }
            }

            Append(text, start, end);
            EndOfLineInRecord();
        }

        /// <summary>Updates string and nesting state for one character; returns true when it closed a container.</summary>
        private bool Track(char c)
        {
            if (_inString)
            {
                if (_escaped)
                {
                    _escaped = false;
                }
                else if (c == '\\')
                {
                    _escaped = true;
                }
                else if (c == '"')
                {
                    _inString = false;
                }

                return false;
            }

            switch (c)
            {
                case '"':
                    _inString = true;
                    return false;
                case '{':
                    _closers.Push('}');
                    return false;
                case '[':
                    _closers.Push(']');
                    return false;
                case '}':
                case ']':
                    if (_closers.Count > 0 && _closers.Peek() == c)
                    {
                        _closers.Pop();
                    }
                    else
                    {
                        // Mismatched closer: the record is malformed; validation reports it.
                        _malformed = true;
                    }

                    return true;
                default:
                    return false;
            }
        }

        private void ScanArray(string text, int start, int end)
        {
            int segment = -1; // start of the part of this line that belongs to the current element
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (_closers.Count == 0 && !_inString)
                {
                    // Between elements (depth 1 of the array).
                    if (c == ',' || c == ']')
                    {
                        if (segment >= 0)
                        {
                            Append(text, segment, i);
                            segment = -1;
                        }

                        bool hasElement = _record.Length > 0 || _oversize;
                        if (hasElement)
                        {
                            FinishRecord(_recordLine);
                        }
                        else if (c == ',' || _expectElement)
                        {
                            Fail(_line, c == ',' ? "expected value at line " + Num(_line) : "trailing comma at line " + Num(_line));
                            return;
                        }

                        _expectElement = c == ',';
                        if (c == ']')
                        {
                            AfterArray(text, i + 1, end);
                            return;
                        }

                        continue;
                    }

                    if (IsJsonWhitespace(c))
                    {
                        continue;
                    }

                    if (segment < 0)
                    {
                        segment = i;
                        if (_record.Length == 0 && !_oversize)
                        {
                            _recordLine = _line;
                        }
                    }
                }
                else if (segment < 0)
                {
                    segment = i; // continuing an element from an earlier line
                }

                Track(c);
            }

            if (segment >= 0)
            {
                Append(text, segment, end);
            }

            if (_record.Length > 0 || _oversize)
            {
                EndOfLineInRecord();
            }
        }

        private void AfterArray(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (!IsJsonWhitespace(text[i]))
                {
                    Fail(_line, "trailing characters at line " + Num(_line));
                    _mode = Mode.Failed;
                    return;
                }
            }

            _mode = Mode.Detect;
        }

        /// <summary>A line ended inside a record: a string cannot span lines, so an open one is malformed (and closed, to recover).</summary>
        private void EndOfLineInRecord()
        {
            if (_inString)
            {
                _inString = false;
                _escaped = false;
                _malformed = true;
            }

            if (!_oversize)
            {
                _record.Append('\n');
            }
        }

        private void Append(string text, int start, int end)
        {
            if (_oversize)
            {
                return;
            }

            if (_record.Length + (end - start) > _maxRecordChars)
            {
                _oversize = true;
                _record.Clear();
                return;
            }

            _record.Append(text, start, end - start);
        }

        private void FinishRecord(long line)
        {
            if (_oversize)
            {
                Error(line, "record exceeds the maximum size of " + Num(_maxRecordChars) + " bytes");
            }
            else
            {
                Emit(line, _record.ToString());
            }

            ResetRecord();
        }

        private void ResetRecord()
        {
            _record.Clear();
            _oversize = false;
            _malformed = false;
            _inString = false;
            _escaped = false;
            _closers.Clear();
        }

        private void Emit(long line, string json)
        {
            if (json.Length > _maxRecordChars)
            {
                Error(line, "record exceeds the maximum size of " + Num(_maxRecordChars) + " bytes");
                return;
            }

            byte[] utf8 = Encoding.UTF8.GetBytes(json);
            string? problem = SerdeJsonValidator.Validate(utf8);
            if (problem == null && _malformed)
            {
                problem = "malformed record";
            }

            Output().Add(problem == null
                ? new EventReadResult(new EventRecord(_source, line, utf8))
                : new EventReadResult(new EventReadError(_source, line, problem)));
        }

        private void Error(long line, string message) => Output().Add(new EventReadResult(new EventReadError(_source, line, message)));

        /// <summary>A syntax error in an array: report it and skip the rest of this document.</summary>
        private void Fail(long line, string message)
        {
            Error(line, message);
            ResetRecord();
            _mode = Mode.Failed;
        }

        private List<EventReadResult> Output() => _output ??= new List<EventReadResult>();

        private IReadOnlyList<EventReadResult> Take()
        {
            IReadOnlyList<EventReadResult> result = _output ?? (IReadOnlyList<EventReadResult>)Array.Empty<EventReadResult>();
            _output = null;
            return result;
        }
    }
}
