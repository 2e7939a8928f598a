using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PolicySim.Events;

namespace PolicySim.Benchmarks
{
    /// <summary>
    /// <c>parsecost FILE…</c>: per record, reading every JSON token with <see cref="Utf8JsonReader"/> against the fast
    /// event parser the pipeline uses (<see cref="PolicyEventFastParser"/>), records in memory, one thread, min of 10
    /// passes each, interleaved pass by pass so both see the same machine. The ratio is issue #6's "≤ 1.5× tokenizing"
    /// for the parse alone (the decisions come on top).
    /// </summary>
    internal static class ParseCost
    {
        public static int Run(string[] files)
        {
            foreach (string file in files)
            {
                byte[][] records = File.ReadLines(file).Where(l => l.Length > 0).Select(l => Encoding.UTF8.GetBytes(l)).ToArray();
                double tokenize = double.MaxValue, parse = double.MaxValue;
                long sink = 0;
                for (int pass = 0; pass < 10; pass++)
                {
                    var clock = Stopwatch.StartNew();
                    foreach (byte[] record in records)
                    {
                        var reader = new Utf8JsonReader(record);
                        while (reader.Read())
                        {
                            sink++;
                        }
                    }

                    tokenize = Math.Min(tokenize, clock.Elapsed.TotalMilliseconds);
                    clock.Restart();
                    foreach (byte[] record in records)
                    {
                        if (PolicyEventFastParser.TryParse(record, plainEventsOnly: false) == null)
                        {
                            sink--;
                        }
                    }

                    parse = Math.Min(parse, clock.Elapsed.TotalMilliseconds);
                }

                Console.WriteLine($"{Path.GetFileName(file)}: {records.Length} records; tokenize {tokenize * 1000 / records.Length:0.00} µs, fast parse {parse * 1000 / records.Length:0.00} µs per record; parse / tokenize {parse / tokenize:0.00} ({sink})");
            }

            return 0;
        }
    }
}
