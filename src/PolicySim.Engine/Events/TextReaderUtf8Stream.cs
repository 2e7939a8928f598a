using System;
using System.IO;
using System.Text;

namespace PolicySim.Events
{
    /// <summary>A read-only stream that yields the UTF-8 encoding of the text of a <see cref="TextReader"/>.</summary>
    internal sealed class TextReaderUtf8Stream : Stream
    {
        private readonly TextReader _reader;
        private readonly bool _leaveOpen;
        private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
        private readonly char[] _chars = new char[8192];
        private readonly byte[] _bytes = new byte[(8192 * 3) + 8];
        private int _byteStart;
        private int _byteEnd;
        private bool _eof;

        public TextReaderUtf8Stream(TextReader reader, bool leaveOpen)
        {
            _reader = reader;
            _leaveOpen = leaveOpen;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_byteStart == _byteEnd)
            {
                if (_eof)
                {
                    return 0;
                }

                int chars = _reader.Read(_chars, 0, _chars.Length);
                _eof = chars == 0;
                _byteStart = 0;
                _byteEnd = _encoder.GetBytes(_chars, 0, chars, _bytes, 0, flush: _eof);
                if (_byteEnd == 0)
                {
                    return _eof ? 0 : Read(buffer, offset, count);
                }
            }

            int n = Math.Min(count, _byteEnd - _byteStart);
            Buffer.BlockCopy(_bytes, _byteStart, buffer, offset, n);
            _byteStart += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_leaveOpen)
            {
                _reader.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
