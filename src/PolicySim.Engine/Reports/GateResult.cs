using System;
using System.Collections.Generic;

namespace PolicySim.Reports
{
    /// <summary>The verdict of a <see cref="PolicyGate"/> on a replay or compare: passed, or failed with the reasons.</summary>
    public sealed class GateResult
    {
        /// <summary>Creates a verdict.</summary>
        /// <param name="passed">Whether every gate passed.</param>
        /// <param name="reasons">One sentence per failed gate (empty when passed).</param>
        public GateResult(bool passed, IReadOnlyList<string> reasons)
        {
            Passed = passed;
            Reasons = reasons ?? Array.Empty<string>();
        }

        /// <summary>Gets whether every gate passed.</summary>
        public bool Passed { get; }

        /// <summary>Gets one sentence per failed gate, e.g. <c>4 AllowToDeny flips (--fail-on AllowToDeny)</c>.</summary>
        public IReadOnlyList<string> Reasons { get; }

        /// <summary>Formats as <c>Gate passed</c> or <c>Gate failed: reason; reason</c>.</summary>
        /// <returns>One line.</returns>
        public override string ToString() => Passed ? "Gate passed" : "Gate failed: " + string.Join("; ", Reasons);
    }
}
