using System;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace PolicySim.Evaluation.Matching
{
    /// <summary>
    /// Compiles Rust <c>regex</c> 1.12 patterns (secret patterns, patch forbidden patterns) into equivalent
    /// .NET regexes, rejecting what the Rust crate rejects (Clawdstrike spec §3.0.4, §1.4).
    /// </summary>
    /// <remarks>
    /// Semantics are those of an unanchored Rust search; see <see cref="RustRegexTranslator"/> for how each
    /// construct is mapped and for the residual differences.
    /// </remarks>
    internal static class RustRegex
    {
        /// <summary>Gets the match timeout used when none is given: a guard against pathological backtracking,
        /// which Rust's automata never exhibit.</summary>
        internal static TimeSpan DefaultMatchTimeout { get; } = TimeSpan.FromSeconds(1);

        // RegexOptions.Compiled was measured at 8–19 ms per pattern to construct (net10, translated secret
        // patterns) against a gain of about 1 µs per match on 2 KB of text, so interpretation is the default and
        // hot callers can opt in through the overload taking extra options.
        private const RegexOptions BaseOptions = RegexOptions.CultureInvariant;

        // A Regex is immutable and thread-safe, so one instance per (pattern, timeout, options) serves the validator
        // and the compiler of a load, both policies of a comparison (strict extends default), and the one-change
        // variants built for attribution, instead of translating and constructing each pattern every time.
        // Bounded: a long PowerShell session loading many policies clears it rather than growing.
        private const int MaxCached = 4096;
        private static readonly ConcurrentDictionary<CacheKey, Regex> Cache = new ConcurrentDictionary<CacheKey, Regex>();

        /// <summary>Compiles <paramref name="pattern"/> with <see cref="DefaultMatchTimeout"/>.</summary>
        /// <param name="pattern">A Rust-syntax pattern.</param>
        /// <param name="regex">The equivalent .NET regex, or null on error.</param>
        /// <param name="error">On failure, <c>regex parse error: {reason}</c>; callers prefix it
        /// (<c>invalid regex ({name}): {error}</c>).</param>
        /// <returns>True when the pattern is valid.</returns>
        internal static bool TryCompile(string pattern, out Regex? regex, out string? error) =>
            TryCompile(pattern, DefaultMatchTimeout, out regex, out error);

        /// <summary>Compiles <paramref name="pattern"/> with the given match timeout.</summary>
        /// <param name="pattern">A Rust-syntax pattern.</param>
        /// <param name="matchTimeout">Timeout for each match operation.</param>
        /// <param name="regex">The equivalent .NET regex, or null on error.</param>
        /// <param name="error">On failure, <c>regex parse error: {reason}</c>.</param>
        /// <returns>True when the pattern is valid.</returns>
        internal static bool TryCompile(string pattern, TimeSpan matchTimeout, out Regex? regex, out string? error)
        {
            bool ok = TryCompile(pattern, matchTimeout, out regex, out RustRegexError? detail);
            error = detail?.ShortMessage;
            return ok;
        }

        /// <summary>Compiles <paramref name="pattern"/>, reporting errors with their span (see
        /// <see cref="RustRegexError.ToRustDisplay"/> for the reference's multi-line rendering).</summary>
        /// <param name="pattern">A Rust-syntax pattern.</param>
        /// <param name="matchTimeout">Timeout for each match operation.</param>
        /// <param name="regex">The equivalent .NET regex, or null on error.</param>
        /// <param name="error">The error, or null.</param>
        /// <returns>True when the pattern is valid.</returns>
        internal static bool TryCompile(string pattern, TimeSpan matchTimeout, out Regex? regex, out RustRegexError? error) =>
            TryCompile(pattern, matchTimeout, RegexOptions.None, out regex, out error);

        /// <summary>Compiles <paramref name="pattern"/> adding <paramref name="extraOptions"/> (only
        /// <see cref="RegexOptions.Compiled"/> is meaningful; semantic options are resolved by the translation).</summary>
        /// <param name="pattern">A Rust-syntax pattern.</param>
        /// <param name="matchTimeout">Timeout for each match operation.</param>
        /// <param name="extraOptions">Options added to <see cref="RegexOptions.CultureInvariant"/>.</param>
        /// <param name="regex">The equivalent .NET regex, or null on error.</param>
        /// <param name="error">The error, or null.</param>
        /// <returns>True when the pattern is valid.</returns>
        internal static bool TryCompile(string pattern, TimeSpan matchTimeout, RegexOptions extraOptions, out Regex? regex, out RustRegexError? error)
        {
            regex = null;
            RegexOptions options = BaseOptions | (extraOptions & RegexOptions.Compiled);
            var key = new CacheKey(pattern ?? throw new ArgumentNullException(nameof(pattern)), matchTimeout, options);
            if (Cache.TryGetValue(key, out regex))
            {
                error = null;
                return true;
            }

            if (!RustRegexTranslator.TryTranslate(pattern, out string? translated, out error))
            {
                return false;
            }

            try
            {
                regex = new Regex(translated!, options, matchTimeout);
                if (Cache.Count >= MaxCached)
                {
                    Cache.Clear();
                }

                Cache.TryAdd(key, regex);
                return true;
            }
            catch (ArgumentException ex)
            {
                // Only reachable for limits .NET has and Rust expresses differently (e.g. huge counts).
                error = new RustRegexError(pattern, ex.Message, 0, pattern.Length);
                return false;
            }
        }

        /// <summary>Translates without compiling (for diagnostics and tests).</summary>
        /// <param name="pattern">A Rust-syntax pattern.</param>
        /// <param name="dotnetPattern">The .NET pattern, or null.</param>
        /// <param name="error">The error, or null.</param>
        /// <returns>True when the pattern is valid.</returns>
        internal static bool TryTranslate(string pattern, out string? dotnetPattern, out RustRegexError? error) =>
            RustRegexTranslator.TryTranslate(pattern ?? throw new ArgumentNullException(nameof(pattern)), out dotnetPattern, out error);

        private readonly struct CacheKey : IEquatable<CacheKey>
        {
            private readonly string _pattern;
            private readonly TimeSpan _timeout;
            private readonly RegexOptions _options;

            public CacheKey(string pattern, TimeSpan timeout, RegexOptions options)
            {
                _pattern = pattern;
                _timeout = timeout;
                _options = options;
            }

            public bool Equals(CacheKey other) =>
                string.Equals(_pattern, other._pattern, StringComparison.Ordinal) && _timeout == other._timeout && _options == other._options;

            public override bool Equals(object? obj) => obj is CacheKey other && Equals(other);

            public override int GetHashCode() => (StringComparer.Ordinal.GetHashCode(_pattern) * 31 + _timeout.GetHashCode()) * 31 + (int)_options;
        }
    }
}
