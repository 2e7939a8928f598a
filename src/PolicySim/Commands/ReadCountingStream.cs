using System;
using System.IO;
using System.Threading;

namespace PolicySim.PowerShell.Commands
{
    /// <summary>
    /// A read-only pass-through that counts the bytes read, readable from another thread: progress for a file whose
    /// records are read on a background thread (the stream's own position is not safe to read concurrently).
    /// </summary>
    internal sealed class ReadCountingStream : Stream
    {
        private readonly Stream _inner;
        private long _bytesRead;

        /// <summary>Initializes a new instance of the <see cref="ReadCountingStream"/> class; disposing it leaves <paramref name="inner"/> open.</summary>
        /// <param name="inner">The stream to read.</param>
        public ReadCountingStream(Stream inner)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        }

        /// <summary>Gets the number of bytes read so far.</summary>
        public long BytesRead => Interlocked.Read(ref _bytesRead);

        /// <inheritdoc />
        public override bool CanRead => true;

        /// <inheritdoc />
        public override bool CanSeek => false;

        /// <inheritdoc />
        public override bool CanWrite => false;

        /// <inheritdoc />
        public override long Length => throw new NotSupportedException();

        /// <inheritdoc />
        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        /// <inheritdoc />
        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = _inner.Read(buffer, offset, count);
            Interlocked.Add(ref _bytesRead, n);
            return n;
        }

        /// <inheritdoc />
        public override void Flush()
        {
        }

        /// <inheritdoc />
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        /// <inheritdoc />
        public override void SetLength(long value) => throw new NotSupportedException();

        /// <inheritdoc />
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
