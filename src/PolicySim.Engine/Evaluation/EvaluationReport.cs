using System.Collections.Generic;

namespace PolicySim.Evaluation
{
    /// <summary>The overall result and every guard's result for one action (spec §4.3, §5.2 <c>report</c>).</summary>
    public sealed class EvaluationReport
    {
        internal static readonly GuardResult EngineAllow = GuardResult.Allow("engine");

        /// <summary>Creates a report.</summary>
        /// <param name="overall">The deciding result.</param>
        /// <param name="perGuard">Every guard's result in execution order.</param>
        public EvaluationReport(GuardResult overall, IReadOnlyList<GuardResult> perGuard)
        {
            Overall = overall;
            PerGuard = perGuard;
        }

        /// <summary>Gets the deciding result.</summary>
        public GuardResult Overall { get; }

        /// <summary>Gets every guard's result, in execution order.</summary>
        public IReadOnlyList<GuardResult> PerGuard { get; }

        /// <summary>Aggregates per-guard results (spec §4.3): any block beats allows, higher severity wins, ties go to the earlier.</summary>
        /// <param name="perGuard">Results in execution order.</param>
        /// <returns>The report.</returns>
        public static EvaluationReport Aggregate(IReadOnlyList<GuardResult> perGuard)
        {
            if (perGuard.Count == 0)
            {
                return new EvaluationReport(EngineAllow, perGuard);
            }

            GuardResult best = perGuard[0];
            for (int i = 1; i < perGuard.Count; i++)
            {
                GuardResult r = perGuard[i];
                if (!r.Allowed && best.Allowed)
                {
                    best = r;
                }
                else if (r.Allowed == best.Allowed && r.Severity > best.Severity)
                {
                    best = r;
                }
            }

            return new EvaluationReport(best, perGuard);
        }
    }
}
