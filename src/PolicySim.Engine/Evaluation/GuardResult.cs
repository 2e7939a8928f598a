using System;
using System.Collections.Generic;

namespace PolicySim.Evaluation
{
    /// <summary>
    /// What one guard said about one action (Clawdstrike spec §0): allowed or not, severity, message and details.
    /// </summary>
    public sealed class GuardResult
    {
        internal static readonly IReadOnlyDictionary<string, object?> NoDetails = new SortedDictionary<string, object?>(StringComparer.Ordinal);

        /// <summary>Creates a result.</summary>
        /// <param name="allowed">Whether the guard lets the action through.</param>
        /// <param name="guard">The guard's reported name.</param>
        /// <param name="severity">The severity.</param>
        /// <param name="message">The exact message.</param>
        /// <param name="details">Details keyed by name (sorted ordinally when printed), or null.</param>
        /// <param name="matchedPattern">The policy pattern or list entry that decided, if any.</param>
        public GuardResult(bool allowed, string guard, GuardSeverity severity, string message, IReadOnlyDictionary<string, object?>? details = null, string? matchedPattern = null)
        {
            Allowed = allowed;
            Guard = guard;
            Severity = severity;
            Message = message;
            _details = details;
            MatchedPattern = matchedPattern;
        }

        /// <summary>Creates a result whose details are built on first use (decisions that are only counted never build them).</summary>
        private GuardResult(Func<IReadOnlyDictionary<string, object?>> details, bool allowed, string guard, GuardSeverity severity, string message, string? matchedPattern)
            : this(allowed, guard, severity, message, null, matchedPattern)
        {
            _details = details;
        }

        // The details, or the factory that builds them on first read.
        private object? _details;

        /// <summary>Gets whether the action is allowed by this guard (warnings are allowed).</summary>
        public bool Allowed { get; }

        /// <summary>Gets the guard's reported name, e.g. <c>forbidden_path</c> or <c>jailbreak_detection</c>.</summary>
        public string Guard { get; }

        /// <summary>Gets the severity.</summary>
        public GuardSeverity Severity { get; }

        /// <summary>Gets the message, exactly as the dialect words it.</summary>
        public string Message { get; }

        /// <summary>Gets the details (values are string, long, double, float, bool, null, lists or nested dictionaries), or null.</summary>
        public IReadOnlyDictionary<string, object?>? Details
        {
            get
            {
                object? current = System.Threading.Volatile.Read(ref _details);
                if (current is Func<IReadOnlyDictionary<string, object?>> factory)
                {
                    System.Threading.Interlocked.CompareExchange(ref _details, factory(), current);
                    current = System.Threading.Volatile.Read(ref _details);
                }

                return (IReadOnlyDictionary<string, object?>?)current;
            }
        }

        /// <summary>Gets the policy entry that decided (a glob, domain pattern, tool name, regex), when one did.</summary>
        public string? MatchedPattern { get; }

        /// <summary>Gets whether this is a warning (allowed with severity Warning).</summary>
        public bool IsWarning => Allowed && Severity == GuardSeverity.Warning;

        /// <summary>A plain allow by <paramref name="guard"/>.</summary>
        /// <param name="guard">The guard name.</param>
        /// <returns>The allow result.</returns>
        public static GuardResult Allow(string guard) => new GuardResult(true, guard, GuardSeverity.Info, "Allowed");

        /// <summary>A warning (allowed, severity Warning).</summary>
        /// <param name="guard">The guard name.</param>
        /// <param name="message">The message.</param>
        /// <param name="details">Details, if any.</param>
        /// <param name="matchedPattern">The deciding entry, if any.</param>
        /// <returns>The warn result.</returns>
        public static GuardResult Warn(string guard, string message, IReadOnlyDictionary<string, object?>? details = null, string? matchedPattern = null) =>
            new GuardResult(true, guard, GuardSeverity.Warning, message, details, matchedPattern);

        /// <summary>A block.</summary>
        /// <param name="guard">The guard name.</param>
        /// <param name="severity">The severity.</param>
        /// <param name="message">The message.</param>
        /// <param name="details">Details, if any.</param>
        /// <param name="matchedPattern">The deciding entry, if any.</param>
        /// <returns>The block result.</returns>
        public static GuardResult Block(string guard, GuardSeverity severity, string message, IReadOnlyDictionary<string, object?>? details = null, string? matchedPattern = null) =>
            new GuardResult(false, guard, severity, message, details, matchedPattern);

        /// <summary>A warning whose details are built on first use.</summary>
        internal static GuardResult WarnLazy(string guard, string message, Func<IReadOnlyDictionary<string, object?>> details, string? matchedPattern) =>
            new GuardResult(details, true, guard, GuardSeverity.Warning, message, matchedPattern);

        /// <summary>A block whose details are built on first use.</summary>
        internal static GuardResult BlockLazy(string guard, GuardSeverity severity, string message, Func<IReadOnlyDictionary<string, object?>> details, string? matchedPattern) =>
            new GuardResult(details, false, guard, severity, message, matchedPattern);

        /// <summary>Formats as <c>guard: BLOCK Critical - message</c>.</summary>
        /// <returns>A one-line description.</returns>
        public override string ToString() => Guard + ": " + (Allowed ? (IsWarning ? "WARN" : "ALLOW") : "BLOCK") + " " + Severity + " - " + Message;
    }
}
