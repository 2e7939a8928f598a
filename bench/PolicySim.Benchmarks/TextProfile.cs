using System.Linq;
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using PolicySim.Evaluation.Text;

namespace PolicySim.Benchmarks
{
    /// <summary>Where the text detectors spend their time (textprof FILE): fingerprint, canonicalize, detectors.</summary>
    internal static class TextProfile
    {
        public static int Run(string path)
        {
            var texts = new List<string>();
            foreach (string line in File.ReadLines(path))
            {
                if (line.Contains("\"customType\"", StringComparison.Ordinal))
                {
                    using var doc = JsonDocument.Parse(line);
                    if (doc.RootElement.GetProperty("data").TryGetProperty("text", out JsonElement t))
                    {
                        texts.Add(t.GetString()!);
                    }
                }
            }

            Console.Error.WriteLine($"{texts.Count} texts");
            for (int pass = 0; pass < 3; pass++)
            {
                Time("sha256", texts, t => TextFingerprint.Sha256Hex(t));
                Time("canonicalize", texts, t => TextCanonicalizer.Canonicalize(t, 200_000));
                var canon = texts.ConvertAll(t => TextCanonicalizer.Canonicalize(t, 200_000).Text);
                Time("classify", canon, t => DetectorPattern.Classify(t));
                var all = PromptInjectionDetector.Patterns.Concat(JailbreakDetector.Patterns).ToArray();
                var canonical = texts.ConvertAll(t => TextCanonicalizer.Canonicalize(t, 200_000));
                Time("prefilter(all)", canonical, c =>
                {
                    var scan = new ScanText(c);
                    foreach (DetectorPattern p in all)
                    {
                        p.MayMatch(scan);
                    }
                });
                Time("literal scan", canonical, c => new ScanText(c).LiteralPresent(0, RequiredLiterals.Index));
                Time("measure", canon, t => JailbreakDetector.Measure(t));
                Time("measure-each", canon, t => JailbreakDetector.MeasureEach(t));
                Time("injection", texts, t => PromptInjectionDetector.Analyze(t));
                Time("jailbreak", texts, t => JailbreakDetector.Analyze(t));
            }

            return 0;
        }

        private static void Time<T>(string name, List<T> texts, Action<T> action)
        {
            var sw = Stopwatch.StartNew();
            foreach (T t in texts)
            {
                action(t);
            }

            Console.Error.WriteLine($"{name,-15} {sw.Elapsed.TotalMilliseconds * 1000 / texts.Count,8:0.00} us/text");
        }
    }
}
