using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using PolicySim.Evaluation.Matching;

namespace PolicySim.Evaluation.Guards
{
    /// <summary><c>secret_leak</c> (spec §3.4): scans written bytes or the whole diff for secret patterns.</summary>
    internal sealed class SecretLeakGuard : IGuard
    {
        public const string GuardName = "secret_leak";

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private readonly SecretPattern[] _patterns;
        private readonly PathGlobSet _skipPaths;
        private readonly GuardSeverity _threshold;
        private readonly bool _redact;

        public SecretLeakGuard(SecretPattern[] patterns, PathGlob[] skipPaths, GuardSeverity threshold, bool redact)
        {
            _patterns = patterns;
            _skipPaths = new PathGlobSet(skipPaths);
            var key = new GuardConfigKey(GuardName).Add(patterns.Length);
            foreach (SecretPattern p in patterns)
            {
                key.Add(p.Name).Add(p.Source).Add(p.Regex.MatchTimeout.Ticks).Add((long)p.Severity).Add(p.Description).Add(p.LuhnCheck).Add(p.MaskFirst).Add(p.MaskLast);
            }

            key.Add(Array.ConvertAll(skipPaths, g => g.Pattern)).Add((long)threshold).Add(redact);
            _threshold = threshold;
            _redact = redact;
            ConfigKey = key.ToString();
        }

        public string ConfigKey { get; }

        public string Name => GuardName;

        public GuardStage Stage => GuardStage.Standard;

        public bool Handles(PolicyAction action) => action.Kind is ActionKind.FileWrite or ActionKind.Patch;

        public GuardResult Evaluate(PolicyAction action)
        {
            string path = GuardPaths.PathOf(action);

            // skip_paths match the raw path, not the normalized one.
            if (_skipPaths.FirstMatchIndex(path) >= 0)
            {
                return GuardResult.Allow(GuardName);
            }

            string text;
            if (action is FileWriteAction write)
            {
                if (write.IsEmpty)
                {
                    return GuardResult.Allow(GuardName);
                }

                try
                {
                    text = write.Text ?? DecodeUtf8(write.Content);
                }
                catch (DecoderFallbackException)
                {
                    // Binary content is not scanned.
                    return GuardResult.Allow(GuardName);
                }
            }
            else
            {
                text = ((PatchAction)action).Diff;
            }

            if (text.Length == 0)
            {
                return GuardResult.Allow(GuardName);
            }

            List<(SecretPattern Pattern, string Value)>? hits = null;
            var scan = new Matching.LiteralScan(text);
            foreach (SecretPattern pattern in _patterns)
            {
                // Skipping the regex when its leading literal is absent saves the per-call set-up (runner, timeout).
                if (!pattern.Prefilter.MayMatch(ref scan))
                {
                    continue;
                }

                for (Match m = pattern.Regex.Match(text); m.Success; m = m.NextMatch())
                {
                    if (pattern.LuhnCheck && !PassesLuhn(m.Value))
                    {
                        continue;
                    }

                    (hits ??= new List<(SecretPattern, string)>()).Add((pattern, m.Value));
                }
            }

            if (hits == null)
            {
                return GuardResult.Allow(GuardName);
            }

            GuardSeverity max = GuardSeverity.Info;
            var names = new StringBuilder();
            var matches = new List<object?>(hits.Count);
            foreach (var (pattern, value) in hits)
            {
                if (pattern.Severity > max)
                {
                    max = pattern.Severity;
                }

                if (names.Length > 0)
                {
                    names.Append(", ");
                }

                names.Append(pattern.Name);
                var match = Details.Create();
                match["description"] = pattern.Description;
                match["pattern"] = pattern.Name;
                match["redacted"] = _redact ? Mask(value, pattern.MaskFirst, pattern.MaskLast) : value;
                match["severity"] = Details.SeverityName(pattern.Severity);
                matches.Add(match);
            }

            var details = Details.Create();
            details["matches"] = matches;
            details["path"] = path;
            string first = hits[0].Pattern.Source;
            return max >= _threshold
                ? GuardResult.Block(GuardName, max, "Potential secrets detected: " + names, details, first)
                : GuardResult.Warn(GuardName, "Potential secrets detected (warning): " + names, details, first);
        }

        private static string DecodeUtf8(ReadOnlyMemory<byte> bytes)
        {
#if NET8_0_OR_GREATER
            return StrictUtf8.GetString(bytes.Span);
#else
            byte[] array = bytes.ToArray();
            return StrictUtf8.GetString(array, 0, array.Length);
#endif
        }

        /// <summary>Keeps the first and last characters (Unicode scalars) and stars the rest.</summary>
        internal static string Mask(string value, int first, int last)
        {
            int[] scalars = ToScalars(value);
            var sb = new StringBuilder(value.Length);
            bool all = first + last >= scalars.Length;
            for (int i = 0; i < scalars.Length; i++)
            {
                if (!all && (i < first || i >= scalars.Length - last))
                {
                    sb.Append(char.ConvertFromUtf32(scalars[i]));
                }
                else
                {
                    sb.Append('*');
                }
            }

            return sb.ToString();
        }

        private static int[] ToScalars(string s)
        {
            var list = new List<int>(s.Length);
            for (int i = 0; i < s.Length; i++)
            {
                if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    list.Add(char.ConvertToUtf32(s[i], s[i + 1]));
                    i++;
                }
                else
                {
                    list.Add(s[i]);
                }
            }

            return list.ToArray();
        }

        /// <summary>13–19 digits (non-digits ignored), not all the same, passing the Luhn checksum.</summary>
        internal static bool PassesLuhn(string value)
        {
            var digits = new List<int>(value.Length);
            foreach (char c in value)
            {
                if (c >= '0' && c <= '9')
                {
                    digits.Add(c - '0');
                }
            }

            if (digits.Count < 13 || digits.Count > 19)
            {
                return false;
            }

            bool allSame = true;
            for (int i = 1; i < digits.Count; i++)
            {
                if (digits[i] != digits[0])
                {
                    allSame = false;
                    break;
                }
            }

            if (allSame)
            {
                return false;
            }

            int sum = 0;
            bool dbl = false;
            for (int i = digits.Count - 1; i >= 0; i--)
            {
                int d = digits[i];
                if (dbl)
                {
                    d *= 2;
                    if (d > 9)
                    {
                        d -= 9;
                    }
                }

                sum += d;
                dbl = !dbl;
            }

            return sum % 10 == 0;
        }
    }
}
