using System;
using System.Collections.Generic;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif
using PolicySim.Evaluation.Matching;

namespace PolicySim.Evaluation.Text
{
    /// <summary>
    /// The jailbreak detector of the <c>jailbreak</c> guard (Clawdstrike spec §3.8 steps 1–6): heuristic
    /// signals, statistics, a linear model and the blended risk score, all in IEEE single precision.
    /// </summary>
    /// <remarks>
    /// Every intermediate is stored in a <c>float</c> local so that each operation rounds to single precision
    /// as Rust's <c>f32</c> arithmetic does; <c>exp</c>/<c>log2</c> are evaluated in double and rounded once,
    /// which equals a correctly rounded f32 result except in astronomically rare double-rounding cases.
    /// </remarks>
    internal static class JailbreakDetector
    {
        private const float StatWeight = 0.2f;

        // ASCII characters that are neither White_Space nor alphanumeric (they extend a symbol run).
        private static readonly bool[] AsciiSymbol = CreateAsciiSymbol();

        private static readonly Heuristic[] Heuristics =
        {
            new Heuristic(
                "jb_ignore_policy",
                0.9f,
                @"\b(ignore|disregard|bypass|override|disable)\b.{0,64}\b(policy|policies|rules|safety|guardrail|guardrails)\b"),
            new Heuristic("jb_dan_unfiltered", 0.9f, @"\b(dan|jailbreak|unfiltered|unrestricted)\b"),
            new Heuristic(
                "jb_system_prompt_extraction",
                0.95f,
                @"\b(reveal|show|tell me|repeat|print|output)\b.{0,64}\b(system prompt|developer message|developer instructions|developer prompt|hidden instructions|hidden prompt|system instructions)\b"),
            new Heuristic("jb_role_change", 0.7f, @"\b(you are now|act as|pretend to be|roleplay)\b"),
            new Heuristic("jb_encoded_payload", 0.6f, @"\b(base64|rot13|urlencode|url-encode|url_encode|url encode|decode)\b"),
        };

        /// <summary>Gets the signal patterns in table order (for tests of the literal prefilter).</summary>
        internal static IEnumerable<DetectorPattern> Patterns
        {
            get
            {
                foreach (var entry in Heuristics)
                {
                    yield return entry.Pattern;
                }
            }
        }

        /// <summary>Runs the detector with <paramref name="options"/> (defaults when null).</summary>
        /// <param name="text">The user input.</param>
        /// <param name="options">Detector settings.</param>
        /// <returns>The report.</returns>
        internal static JailbreakReport Analyze(string text, JailbreakDetectorOptions? options = null)
        {
            _ = text ?? throw new ArgumentNullException(nameof(text));
            JailbreakDetectorOptions o = options ?? JailbreakDetectorOptions.Default;
            JailbreakReport? cached = DetectorCache.Jailbreak(text, o);
            if (cached != null)
            {
                return cached;
            }

            ScanText scan = DetectorCache.Canonical(text, o.MaxInputBytes);
            CanonicalText canonical = scan.Canonical;
            string t = canonical.Text;

            // Heuristics (each at most once), summed in table order.
            var signals = new List<string>(9);
            var fired = new bool[Heuristics.Length];
            float hsum = 0f;
            for (int i = 0; i < Heuristics.Length; i++)
            {
                if (Heuristics[i].Pattern.MayMatch(scan) && Heuristics[i].Pattern.IsMatch(scan))
                {
                    fired[i] = true;
                    signals.Add(Heuristics[i].Id);
                    hsum += Heuristics[i].Weight;
                }
            }

            // Statistics over code points of the canonical text.
            Statistics stats = Measure(t, scan.IsAscii);
            int statCount = 0;
            if (stats.PunctuationRatio >= 0.35f)
            {
                signals.Add("stat_punctuation_ratio_high");
                statCount++;
            }

            if (stats.Entropy >= 4.8f)
            {
                signals.Add("stat_char_entropy_high");
                statCount++;
            }

            if (canonical.ZeroWidthStripped > 0)
            {
                signals.Add("stat_zero_width_obfuscation");
                statCount++;
            }

            if (stats.LongestSymbolRun >= 12)
            {
                signals.Add("stat_long_symbol_run");
                statCount++;
            }

            float stat = StatWeight * statCount;

            // Linear model, accumulated left to right as in the spec formula.
            float ml = 0f;
            if (o.MlLayer)
            {
                float z = o.Bias;
                z += o.WeightIgnorePolicy * Indicator(fired[0]);
                z += o.WeightDan * Indicator(fired[1]);
                z += o.WeightRoleChange * Indicator(fired[3]);
                z += o.WeightPromptExtraction * Indicator(fired[2]);
                z += o.WeightEncoded * Indicator(fired[4]);
                float twicePr = 2f * stats.PunctuationRatio;
                z += o.WeightPunctuation * Clamp01(twicePr);
                z += o.WeightSymbolRun * Indicator(stats.LongestSymbolRun >= 12);
                float e = (float)Math.Exp(-z);
                float denominator = 1f + e;
                ml = 1f / denominator;
            }

            float score = 0f;
            if (o.HeuristicLayer)
            {
                float h = hsum / 3f;
                score += Clamp01(h) * 0.55f;
            }

            if (o.StatisticalLayer)
            {
                score += Clamp01(stat) * 0.20f;
            }

            if (o.MlLayer)
            {
                score += ml * 0.25f;
            }

            float scaled = score * 100f;
            double rounded = Math.Round(scaled, MidpointRounding.AwayFromZero);
            int risk = rounded <= 0 ? 0 : rounded >= 100 ? 100 : (int)rounded;
            JailbreakSeverity severity = risk >= 85 ? JailbreakSeverity.Confirmed
                : risk >= 60 ? JailbreakSeverity.Likely
                : risk >= 25 ? JailbreakSeverity.Suspicious
                : JailbreakSeverity.Safe;
            var report = new JailbreakReport(risk, Clamp01(score), severity, signals, text, canonical, score);
            DetectorCache.Remember(report, o);
            return report;
        }

        /// <summary>Computes the statistical measures of a canonical text (exposed for tests).</summary>
        /// <param name="text">Canonical text.</param>
        /// <returns>Punctuation ratio, entropy and longest symbol run.</returns>
        internal static Statistics Measure(string text) => Measure(text, TextCanonicalizer.IsAscii(text));

        /// <summary>Computes the statistical measures of a canonical text whose ASCII-ness the caller already knows.</summary>
        /// <param name="text">Canonical text.</param>
        /// <param name="ascii">Whether every character of <paramref name="text"/> is ASCII (the scan has worked it out).</param>
        /// <returns>Punctuation ratio, entropy and longest symbol run.</returns>
        private static Statistics Measure(string text, bool ascii)
        {
#if NET8_0_OR_GREATER
            if (ascii && Vector128.IsHardwareAccelerated)
            {
                return MeasureAscii(text);
            }
#endif
            return MeasureEach(text);
        }

        /// <summary>Computes the statistical measures one character at a time (any text; exposed for tests).</summary>
        /// <param name="text">Canonical text.</param>
        /// <returns>Punctuation ratio, entropy and longest symbol run.</returns>
        internal static Statistics MeasureEach(string text)
        {
            int nonSpace = 0;
            int punctuation = 0;
            int run = 0;
            int longestRun = 0;
            Span<int> counts = stackalloc int[128]; // zeroed (locals are initialized in this module)
            for (int i = 0; i < text.Length; i++)
            {
                int cp = text[i];
                if (cp < 128)
                {
                    // ASCII: count it (totals are taken from the counts below) and track the symbol run.
                    counts[cp]++;
                    if (AsciiSymbol[cp])
                    {
                        run++;
                        if (run > longestRun)
                        {
                            longestRun = run;
                        }
                    }
                    else
                    {
                        run = 0;
                    }

                    continue;
                }

                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    cp = char.ConvertToUtf32(text[i], text[i + 1]);
                    i++;
                }

                if (UnicodeData.IsWhiteSpace(cp))
                {
                    run = 0;
                    continue;
                }

                nonSpace++;
                if (UnicodeData.IsAlphanumeric(cp))
                {
                    run = 0;
                }
                else
                {
                    punctuation++;
                    run++;
                    if (run > longestRun)
                    {
                        longestRun = run;
                    }
                }
            }

            return Totals(counts, nonSpace, punctuation, longestRun);
        }

#if NET8_0_OR_GREATER
        /// <summary>
        /// <see cref="MeasureEach"/> for an all-ASCII text: a histogram loop without branches, and the longest symbol
        /// run from sixteen-character vector masks, instead of a data-dependent branch per character (textprof over
        /// 20k generated texts of ~714 characters: 2.7-3.0 -> 2.1-2.2 µs; the rest is the histogram and the entropy).
        /// </summary>
        private static Statistics MeasureAscii(string text)
        {
            Span<int> counts = stackalloc int[128]; // zeroed (locals are initialized in this module)
            foreach (char c in text)
            {
                counts[c]++;
            }

            return Totals(counts, 0, 0, LongestAsciiSymbolRun(text));
        }

        private static int LongestAsciiSymbolRun(string text)
        {
            ReadOnlySpan<char> t = text.AsSpan();
            ref ushort start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(t));
            int longest = 0;
            int run = 0; // the run that reaches the end of the characters seen so far
            int i = 0;
            for (; i + 16 <= t.Length; i += 16)
            {
                // ASCII, so narrowing keeps every character.
                Vector128<byte> v = Vector128.Narrow(Vector128.LoadUnsafe(ref start, (nuint)i), Vector128.LoadUnsafe(ref start, (nuint)(i + 8)));
                Vector128<byte> space = Vector128.Equals(v, Vector128.Create((byte)' ')) | Vector128.LessThanOrEqual(v - Vector128.Create((byte)'\t'), Vector128.Create((byte)('\r' - '\t')));
                Vector128<byte> alnum = Vector128.LessThanOrEqual(v - Vector128.Create((byte)'0'), Vector128.Create((byte)9))
                    | Vector128.LessThanOrEqual((v | Vector128.Create((byte)0x20)) - Vector128.Create((byte)'a'), Vector128.Create((byte)('z' - 'a')));
                uint symbols = (~(space | alnum)).ExtractMostSignificantBits();

                // Each run of set bits is a symbol run; one that starts at bit 0 continues the previous block's.
                int carried = run;
                run = 0;
                int position = 0;
                while (symbols != 0)
                {
                    int zeros = BitOperations.TrailingZeroCount(symbols);
                    position += zeros;
                    symbols >>= zeros;
                    int ones = BitOperations.TrailingZeroCount(~symbols);
                    int length = ones + (position == 0 ? carried : 0);
                    longest = Math.Max(longest, length);
                    position += ones;
                    symbols >>= ones;
                    if (position == 16)
                    {
                        run = length;
                    }
                }
            }

            for (; i < t.Length; i++)
            {
                run = AsciiSymbol[t[i]] ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }

            return longest;
        }
#endif

        private static Statistics Totals(Span<int> counts, int nonSpace, int punctuation, int longestRun)
        {
            // ASCII totals: White_Space (TAB..CR, space) is neither counted as non-space nor punctuation; the entropy
            // counts leave out space, TAB, LF, FF and CR (not VT), as Rust's is_ascii_whitespace does.
            int asciiCounted = 0;
            for (int c = 0; c < 128; c++)
            {
                int n = counts[c];
                if (n == 0)
                {
                    continue;
                }

                if (c != ' ' && (c < '\t' || c > '\r'))
                {
                    nonSpace += n;
                    if (AsciiSymbol[c])
                    {
                        punctuation += n;
                    }
                }

                if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r')
                {
                    counts[c] = 0;
                }
                else
                {
                    asciiCounted += n;
                }
            }

            float ratio = nonSpace == 0 ? 0f : (float)punctuation / nonSpace;
            float entropy = 0f;
            if (asciiCounted > 0)
            {
                float total = asciiCounted;
                for (int b = 0; b < counts.Length; b++)
                {
                    if (counts[b] == 0)
                    {
                        continue;
                    }

                    float p = counts[b] / total;
                    float log = Log2(p);
                    float term = p * log;
                    entropy -= term;
                }
            }

            return new Statistics(ratio, entropy, longestRun);
        }

        private static bool[] CreateAsciiSymbol()
        {
            var table = new bool[128];
            for (int c = 0; c < 128; c++)
            {
                bool space = c == ' ' || (c >= '\t' && c <= '\r');
                bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                table[c] = !space && !alnum;
            }

            return table;
        }

        private static float Log2(float x)
        {
#if NET8_0_OR_GREATER
            return MathF.Log2(x);
#else
            return (float)(Math.Log(x) / Math.Log(2.0));
#endif
        }

        private static float Indicator(bool value) => value ? 1f : 0f;

        private static float Clamp01(float x) => x < 0f ? 0f : x > 1f ? 1f : x;

        /// <summary>The statistics of §3.8 step 3.</summary>
        /// <param name="PunctuationRatio">Non-alphanumeric share of non-whitespace characters.</param>
        /// <param name="Entropy">Shannon entropy (bits) of ASCII non-whitespace bytes.</param>
        /// <param name="LongestSymbolRun">Longest run of characters that are neither alphanumeric nor whitespace.</param>
        internal readonly record struct Statistics(float PunctuationRatio, float Entropy, int LongestSymbolRun);

        private sealed class Heuristic
        {
            internal Heuristic(string id, float weight, string rustPattern)
            {
                Id = id;
                Weight = weight;
                Pattern = new DetectorPattern(rustPattern);
            }

            internal string Id { get; }

            internal float Weight { get; }

            internal DetectorPattern Pattern { get; }
        }
    }
}
