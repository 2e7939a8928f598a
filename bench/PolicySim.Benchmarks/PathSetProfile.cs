using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using PolicySim.Evaluation.Matching;
using PolicySim.Policies.Clawdstrike;

namespace PolicySim.Benchmarks
{
    /// <summary>
    /// <c>pathset FILE</c>: the built-in forbidden_path list over the normalized paths of a generated log, each glob in
    /// turn (what <see cref="PathGlobSet"/> did before its bigram signatures) against <see cref="PathGlobSet.FirstMatchIndex"/>,
    /// in one process (min of 7 passes after a warm-up that lets tiered compilation finish, ns per path).
    /// </summary>
    internal static class PathSetProfile
    {
        public static int Run(string file)
        {
            var paths = new List<string>();
            foreach (string line in File.ReadLines(file))
            {
                using JsonDocument doc = JsonDocument.Parse(line);
                if (doc.RootElement.TryGetProperty("data", out JsonElement data)
                    && (data.TryGetProperty("path", out JsonElement p) || data.TryGetProperty("filePath", out p)) && p.ValueKind == JsonValueKind.String)
                {
                    paths.Add(PathNormalizer.Normalize(p.GetString()!));
                }
            }

            PathGlob[] globs = ClawdstrikeDefaults.ForbiddenPathPatterns.Select(s => PathGlob.TryCompile(s, out PathGlob? g, out _) ? g! : throw new InvalidOperationException(s)).ToArray();
            var set = new PathGlobSet(globs);
            long naiveSum = 0, setSum = 0;
            double each = double.MaxValue, signed = double.MaxValue, bigramsOnly = double.MaxValue;
            ulong sink = 0;
            for (int pass = -30; pass < 7; pass++)
            {
                if (pass == 0)
                {
                    // The tier-1 compiler promotes hot methods 100 ms after the last tier-0 compilation: let it.
                    System.Threading.Thread.Sleep(500);
                    each = signed = bigramsOnly = double.MaxValue;
                }

                var clock = Stopwatch.StartNew();
                foreach (string path in paths)
                {
                    int first = -1;
                    for (int i = 0; i < globs.Length; i++)
                    {
                        if (globs[i].IsMatch(path))
                        {
                            first = i;
                            break;
                        }
                    }

                    naiveSum += first;
                }

                each = Math.Min(each, clock.Elapsed.TotalMilliseconds * 1e6 / paths.Count);
                clock.Restart();
                foreach (string path in paths)
                {
                    setSum += set.FirstMatchIndex(path);
                }

                signed = Math.Min(signed, clock.Elapsed.TotalMilliseconds * 1e6 / paths.Count);
                clock.Restart();
                foreach (string path in paths)
                {
                    sink ^= PathGlobSet.Bigrams(path);
                }

                bigramsOnly = Math.Min(bigramsOnly, clock.Elapsed.TotalMilliseconds * 1e6 / paths.Count);
            }

            // How many globs the signatures let through per path, against how many match.
            long passed = 0, matched = 0;
            foreach (string path in paths)
            {
                ulong have = PathGlobSet.Bigrams(path);
                foreach (PathGlob g in globs)
                {
                    ulong need = 0;
                    foreach (string lit in g.RequiredLiterals)
                    {
                        need |= PathGlobSet.Bigrams(lit);
                    }

                    passed += (need & ~have) == 0 ? 1 : 0;
                    matched += g.IsMatch(path) ? 1 : 0;
                }
            }

            Console.WriteLine($"pathset: per path {(double)passed / paths.Count:F2} globs pass the signatures, {(double)matched / paths.Count:F2} match; {paths.Average(p => p.Length):F1} characters");
            Console.WriteLine($"pathset: {paths.Count} paths, {globs.Length} globs: each glob in turn {each:F0} ns/path, signatures {signed:F0} ns/path, of which the path's signature {bigramsOnly:F0} ns ({sink & 1}) (sums of first indexes {naiveSum} / {setSum}: equal)");
            return naiveSum == setSum ? 0 : 1;
        }
    }
}
