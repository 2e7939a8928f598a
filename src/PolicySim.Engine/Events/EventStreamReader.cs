using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using PolicySim.Serialization;

namespace PolicySim.Events
{
    /// <summary>
    /// Reads event records one at a time from JSONL (one value per physical line; blank or whitespace-only
    /// lines skipped; <c>\n</c> or <c>\r\n</c> endings) or from one JSON array (first non-whitespace byte <c>[</c>),
    /// without loading the whole input. A leading UTF-8 BOM is skipped. Lines are physical and 1-based; an array
    /// element's line is the line where it starts.
    /// </summary>
    /// <remarks>
    /// Errors are yielded in place: in JSONL a malformed line yields an error and reading goes on with the next
    /// line; in an array a syntax error yields an error and ends the input (an element that is well delimited but
    /// breaks serde_json's extra rules — invalid UTF-8, lone surrogates, f64 overflow — only fails itself).
    /// Records larger than <see cref="EventStreamOptions.MaxRecordBytes"/> fail with a size error.
    /// Works on bytes with a pooled buffer; <see cref="TryRead"/> allocates nothing per record.
    /// </remarks>
    public sealed class EventStreamReader : IDisposable
    {
        private const int InitialBufferSize = 64 * 1024;
        private static readonly byte[] Bom = { 0xEF, 0xBB, 0xBF };

        private readonly Stream _stream;
        private readonly bool _leaveOpen;
        private readonly string _source;
        private readonly int _maxRecordBytes;
        private readonly bool _validate;
        private byte[] _buffer;
        private int _start;
        private int _end;
        private bool _eof;
        private bool _done;
        private bool _started;
        private long _line = 1;
        private readonly bool _deferred;

        // JSONL state
        private int _scanned;
        private bool _skippingOversize;

        // Array state
        private JsonReaderState _state;
        private bool _arrayOpened;
        private bool _arrayClosed;

        /// <summary>Creates a reader over a UTF-8 byte stream.</summary>
        /// <param name="stream">The input.</param>
        /// <param name="source">The input name used in records and errors (e.g. the path, or <c>-</c>).</param>
        /// <param name="options">Limits; null for defaults.</param>
        /// <param name="leaveOpen">Whether disposing the reader leaves <paramref name="stream"/> open.</param>
        public EventStreamReader(Stream stream, string source, EventStreamOptions? options = null, bool leaveOpen = false)
        {
            _stream = stream ?? throw new ArgumentNullException(nameof(stream));
            _source = source ?? throw new ArgumentNullException(nameof(source));
            options ??= new EventStreamOptions();
            _maxRecordBytes = options.MaxRecordBytes;
            _validate = options.ValidateJson && !options.DeferValidation;
            _deferred = options.ValidateJson && options.DeferValidation;
            _leaveOpen = leaveOpen;
            _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferSize, _maxRecordBytes + 2));
            _state = new JsonReaderState(SerdeJsonValidator.ReaderOptions);
        }

        /// <summary>Creates a reader over text (e.g. lines piped from PowerShell); the text is read as UTF-8.</summary>
        /// <param name="reader">The input.</param>
        /// <param name="source">The input name.</param>
        /// <param name="options">Limits; null for defaults.</param>
        /// <param name="leaveOpen">Whether disposing the reader leaves <paramref name="reader"/> open.</param>
        public EventStreamReader(TextReader reader, string source, EventStreamOptions? options = null, bool leaveOpen = false)
            : this(new TextReaderUtf8Stream(reader ?? throw new ArgumentNullException(nameof(reader)), leaveOpen), source, options, leaveOpen: false)
        {
        }

        /// <summary>Gets the detected layout (after the first read).</summary>
        public EventStreamFormat Format { get; private set; }

        /// <summary>Gets the input name.</summary>
        public string Source => _source;

        /// <summary>Reads every record of <paramref name="stream"/>; each record's bytes are a private copy.</summary>
        public static IEnumerable<EventReadResult> ReadAll(Stream stream, string source, EventStreamOptions? options = null)
        {
            if (stream is null)
            {
                throw new ArgumentNullException(nameof(stream));
            }

            if (source is null)
            {
                throw new ArgumentNullException(nameof(source));
            }

            return new EventRecordSequence(stream, source, options);
        }

        /// <summary>Reads every record of <paramref name="reader"/>; each record's bytes are a private copy.</summary>
        public static IEnumerable<EventReadResult> ReadAll(TextReader reader, string source, EventStreamOptions? options = null)
            => ReadAll(new TextReaderUtf8Stream(reader ?? throw new ArgumentNullException(nameof(reader)), leaveOpen: true), source, options);

        /// <summary>
        /// Reads the next record or error. The record's <see cref="EventRecord.Json"/> points into an internal
        /// buffer and is valid only until the next call.
        /// </summary>
        /// <returns>False at the end of the input (or after a fatal error in an array).</returns>
        public bool TryRead(out EventReadResult result)
        {
            result = default;
            if (_done)
            {
                return false;
            }

            if (!_started)
            {
                _started = true;
                Detect();
            }

            return Format == EventStreamFormat.JsonArray ? TryReadArrayElement(out result) : TryReadLine(out result);
        }

        /// <inheritdoc />
        public void Dispose()
        {
            if (_buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = Array.Empty<byte>();
            }

            _done = true;
            if (!_leaveOpen)
            {
                _stream.Dispose();
            }
        }

        private void Detect()
        {
            while (_end - _start < 3 && !_eof)
            {
                Fill();
            }

            if (_end - _start >= 3 && _buffer.AsSpan(_start, 3).SequenceEqual(Bom))
            {
                _start += 3;
            }

            int i = _start;
            while (true)
            {
                while (i < _end && IsJsonWhitespace(_buffer[i]))
                {
                    i++;
                }

                if (i < _end || _eof || _end - _start > _maxRecordBytes)
                {
                    break;
                }

                int offset = i - _start;
                Fill();
                i = _start + offset;
            }

            Format = i < _end && _buffer[i] == (byte)'[' ? EventStreamFormat.JsonArray : EventStreamFormat.JsonLines;
            _scanned = _start;
        }

        private bool TryReadLine(out EventReadResult result)
        {
            result = default;
            while (true)
            {
                int newline = _scanned < _end ? _buffer.AsSpan(_scanned, _end - _scanned).IndexOf((byte)'\n') : -1;
                int lineEnd;
                int next;
                if (newline >= 0)
                {
                    lineEnd = _scanned + newline;
                    next = lineEnd + 1;
                }
                else if (_eof)
                {
                    if (_start >= _end)
                    {
                        _done = true;
                        return false;
                    }

                    lineEnd = _end;
                    next = _end;
                }
                else
                {
                    _scanned = _end;
                    if (_skippingOversize)
                    {
                        _start = _end;
                        _scanned = _end;
                    }
                    else if (_end - _start > _maxRecordBytes)
                    {
                        result = new EventReadResult(TooLarge(_line));
                        _skippingOversize = true;
                        _start = _end;
                        _scanned = _end;
                        return true;
                    }

                    Fill();
                    continue;
                }

                long lineNumber = _line++;
                int start = _start;
                _start = next;
                _scanned = next;
                if (_skippingOversize)
                {
                    _skippingOversize = false;
                    continue;
                }

                if (lineEnd - start > _maxRecordBytes)
                {
                    result = new EventReadResult(TooLarge(lineNumber));
                    return true;
                }

                int length = lineEnd - start;
                if (length > 0 && _buffer[start + length - 1] == (byte)'\r')
                {
                    length--;
                }

                var bytes = new ReadOnlyMemory<byte>(_buffer, start, length);
                if (IsBlank(bytes.Span))
                {
                    continue;
                }

                if (_validate)
                {
                    string? problem = SerdeJsonValidator.Validate(bytes.Span);
                    if (problem != null)
                    {
                        result = new EventReadResult(new EventReadError(_source, lineNumber, problem));
                        return true;
                    }
                }

                result = new EventReadResult(new EventRecord(_source, lineNumber, bytes, _validate, _deferred));
                return true;
            }
        }

        private bool TryReadArrayElement(out EventReadResult result)
        {
            result = default;
            while (true)
            {
                var span = new ReadOnlySpan<byte>(_buffer, _start, _end - _start);
                var reader = new Utf8JsonReader(span, _eof, _state);
                try
                {
                    if (!reader.Read())
                    {
                        if (_eof)
                        {
                            _done = true;
                            if (_arrayClosed)
                            {
                                return false;
                            }

                            result = Error(_line + CountNewlines(span), "EOF while parsing a list");
                            return true;
                        }

                        if (!NeedMore(out result))
                        {
                            return true;
                        }

                        continue;
                    }

                    if (_arrayClosed)
                    {
                        _done = true;
                        result = Error(_line + CountNewlines(span.Slice(0, (int)reader.TokenStartIndex)), "trailing characters");
                        return true;
                    }

                    if (!_arrayOpened)
                    {
                        _arrayOpened = true;
                        Advance(span, (int)reader.BytesConsumed, reader.CurrentState);
                        continue;
                    }

                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        _arrayClosed = true;
                        Advance(span, (int)reader.BytesConsumed, reader.CurrentState);
                        continue;
                    }

                    int elementStart = (int)reader.TokenStartIndex;
                    if ((reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray) && !reader.TrySkip())
                    {
                        if (!NeedMore(out result))
                        {
                            return true;
                        }

                        continue;
                    }

                    int elementEnd = (int)reader.BytesConsumed;
                    long line = _line + CountNewlines(span.Slice(0, elementStart));
                    var bytes = new ReadOnlyMemory<byte>(_buffer, _start + elementStart, elementEnd - elementStart);
                    Advance(span, elementEnd, reader.CurrentState);
                    if (elementEnd - elementStart > _maxRecordBytes)
                    {
                        result = new EventReadResult(TooLarge(line));
                        return true;
                    }

                    if (_validate)
                    {
                        string? problem = SerdeJsonValidator.Validate(bytes.Span);
                        if (problem != null)
                        {
                            result = Error(line, problem);
                            return true;
                        }
                    }

                    result = new EventReadResult(new EventRecord(_source, line, bytes, _validate, _deferred));
                    return true;
                }
                catch (JsonException ex)
                {
                    _done = true;
                    long line = _line + CountNewlines(span.Slice(0, Math.Min(span.Length, (int)reader.BytesConsumed)));
                    string message = ex.Message;
                    int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
                    if (cut >= 0)
                    {
                        message = message.Substring(0, cut).TrimEnd();
                    }

                    result = Error(line, message);
                    return true;
                }
            }
        }

        /// <summary>Loads more input for an unfinished array element; false (with an error) when over the limit.</summary>
        private bool NeedMore(out EventReadResult result)
        {
            result = default;
            if (_end - _start > _maxRecordBytes + 64)
            {
                _done = true;
                var span = new ReadOnlySpan<byte>(_buffer, _start, _end - _start);
                int first = 0;
                while (first < span.Length && (IsJsonWhitespace(span[first]) || span[first] == (byte)','))
                {
                    first++;
                }

                result = new EventReadResult(TooLarge(_line + CountNewlines(span.Slice(0, first))));
                return false;
            }

            Fill();
            return true;
        }

        private void Advance(ReadOnlySpan<byte> span, int consumed, JsonReaderState state)
        {
            _line += CountNewlines(span.Slice(0, consumed));
            _start += consumed;
            _state = state;
        }

        private EventReadResult Error(long line, string message) => new EventReadResult(new EventReadError(_source, line, message));

        private EventReadError TooLarge(long line) => new EventReadError(
            _source,
            line,
            "record exceeds the maximum size of " + _maxRecordBytes.ToString(CultureInfo.InvariantCulture) + " bytes");

        /// <summary>Reads more bytes, compacting or growing the buffer first.</summary>
        private void Fill()
        {
            if (_eof)
            {
                return;
            }

            if (_end == _buffer.Length)
            {
                int live = _end - _start;
                if (_start > 0 && live < _buffer.Length / 2)
                {
                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, live);
                }
                else
                {
                    byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, InitialBufferSize));
                    Buffer.BlockCopy(_buffer, _start, bigger, 0, live);
                    ArrayPool<byte>.Shared.Return(_buffer);
                    _buffer = bigger;
                }

                _scanned -= _start;
                _start = 0;
                _end = live;
            }

            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read <= 0)
            {
                _eof = true;
            }
            else
            {
                _end += read;
            }
        }

        private static long CountNewlines(ReadOnlySpan<byte> span)
        {
            long count = 0;
            int index;
            while ((index = span.IndexOf((byte)'\n')) >= 0)
            {
                count++;
                span = span.Slice(index + 1);
            }

            return count;
        }

        private static bool IsJsonWhitespace(byte b) => b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\n';

        /// <summary>Blank as Rust's <c>str::trim().is_empty()</c>: every character is Unicode White_Space.</summary>
        private static bool IsBlank(ReadOnlySpan<byte> line)
        {
            bool ascii = true;
            foreach (byte b in line)
            {
                if (b >= 0x80)
                {
                    ascii = false;
                    break;
                }

                if (!(b == (byte)' ' || (b >= 0x09 && b <= 0x0D)))
                {
                    return false;
                }
            }

            if (ascii)
            {
                return true;
            }

            if (!SerdeJsonValidator.IsValidUtf8(line))
            {
                return false;
            }

            string text = System.Text.Encoding.UTF8.GetString(line.ToArray());
            foreach (char c in text)
            {
                if (!char.IsWhiteSpace(c))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
