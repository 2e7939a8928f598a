using System.Globalization;
using PolicySim.Serialization;

namespace PolicySim.Policies.Diff
{
    /// <summary>
    /// One structural difference between two resolved policies: a JSON-pointer path, what happened, and the old and new
    /// values as compact JSON (null when not applicable).
    /// </summary>
    public sealed class PolicyChange
    {
        internal PolicyChange(string path, PolicyChangeKind kind, object? oldValue, object? newValue, SourceLocation? location)
        {
            Path = path;
            Kind = kind;
            OldTree = oldValue;
            NewTree = newValue;
            OldValue = kind == PolicyChangeKind.Added ? null : ValueJson.Compact(oldValue);
            NewValue = kind == PolicyChangeKind.Removed ? null : ValueJson.Compact(newValue);
            Location = location;
        }

        /// <summary>Gets the JSON-pointer path, e.g. <c>/guards/egress_allowlist/allow/3</c>.</summary>
        public string Path { get; }

        /// <summary>Gets whether the path was added, removed or changed.</summary>
        public PolicyChangeKind Kind { get; }

        /// <summary>Gets the old value as compact JSON, or null for an addition.</summary>
        public string? OldValue { get; }

        /// <summary>Gets the new value as compact JSON, or null for a removal.</summary>
        public string? NewValue { get; }

        /// <summary>Gets where the new (or, for removals, old) value was written, when known.</summary>
        public SourceLocation? Location { get; }

        /// <summary>Gets the guard section the change is in (e.g. <c>egress_allowlist</c>), or null.</summary>
        public string? Guard
        {
            get
            {
                const string Prefix = "/guards/";
                if (!Path.StartsWith(Prefix, System.StringComparison.Ordinal))
                {
                    return null;
                }

                int end = Path.IndexOf('/', Prefix.Length);
                return end < 0 ? Path.Substring(Prefix.Length) : Path.Substring(Prefix.Length, end - Prefix.Length);
            }
        }

        internal object? OldTree { get; }

        internal object? NewTree { get; }

        /// <summary>Formats as the reference's text line: <c>+ path: null -> new</c>, <c>- path: old -> null</c>, <c>~ path: old -> new</c>.</summary>
        /// <returns>One line; values truncated to 120 characters.</returns>
        public override string ToString()
        {
            string sign = Kind switch { PolicyChangeKind.Added => "+", PolicyChangeKind.Removed => "-", _ => "~" };
            return string.Format(CultureInfo.InvariantCulture, "{0} {1}: {2} -> {3}", sign, Path, Truncate(OldValue ?? "null"), Truncate(NewValue ?? "null"));
        }

        private static string Truncate(string s) => s.Length > 120 ? s.Remove(120) + "..." : s;
    }
}
