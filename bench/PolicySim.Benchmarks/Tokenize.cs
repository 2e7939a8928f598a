using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;

namespace PolicySim.Benchmarks
{
    /// <summary>The parse-only baseline: read a JSONL file and visit every JSON token once with Utf8JsonReader, one thread.</summary>
    internal static class Tokenize
    {
        public static int Run(string path)
        {
            var sw = Stopwatch.StartNew();
            long tokens = 0, records = 0, stringBytes = 0;
            byte[] buffer = new byte[1 << 20];
            int start = 0, end = 0;
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            bool eof = false;
            while (true)
            {
                int nl = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (nl < 0)
                {
                    if (eof)
                    {
                        if (end > start)
                        {
                            tokens += Line(buffer.AsSpan(start, end - start), ref stringBytes);
                            records++;
                        }

                        break;
                    }

                    if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    }

                    if (end == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }

                    int read = stream.Read(buffer, end, buffer.Length - end);
                    if (read <= 0)
                    {
                        eof = true;
                    }

                    end += Math.Max(read, 0);
                    continue;
                }

                tokens += Line(buffer.AsSpan(start, nl), ref stringBytes);
                records++;
                start += nl + 1;
            }

            sw.Stop();
            Console.Error.WriteLine($"tokenize: records={records} tokens={tokens} string_bytes={stringBytes} ms={sw.ElapsedMilliseconds} events_per_sec={records / sw.Elapsed.TotalSeconds:0}");
            return 0;
        }

        private static long Line(ReadOnlySpan<byte> line, ref long stringBytes)
        {
            var reader = new Utf8JsonReader(line);
            long n = 0;
            while (reader.Read())
            {
                n++;
                if (reader.TokenType == JsonTokenType.String)
                {
                    stringBytes += reader.ValueSpan.Length;
                }
            }

            return n;
        }
    }
}
