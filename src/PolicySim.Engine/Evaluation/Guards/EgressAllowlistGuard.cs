using System;
using PolicySim.Evaluation.Matching;
using PolicySim.Policies.Clawdstrike;

namespace PolicySim.Evaluation.Guards
{
    /// <summary><c>egress_allowlist</c> (spec §3.3): block list first, then allow list, then the default action.</summary>
    internal sealed class EgressAllowlistGuard : IGuard
    {
        public const string GuardName = "egress_allowlist";

        private readonly DomainGlob[] _allow;
        private readonly DomainGlob[] _block;
        private readonly DomainGlobSet _allowSet;
        private readonly DomainGlobSet _blockSet;
        private readonly EgressDefaultAction _defaultAction;

        public EgressAllowlistGuard(DomainGlob[] allow, DomainGlob[] block, EgressDefaultAction defaultAction)
        {
            _allow = allow;
            _block = block;
            _allowSet = new DomainGlobSet(allow);
            _blockSet = new DomainGlobSet(block);
            _defaultAction = defaultAction;
            ConfigKey = new GuardConfigKey(GuardName).Add(Array.ConvertAll(allow, g => g.Pattern)).Add(Array.ConvertAll(block, g => g.Pattern)).Add((long)defaultAction).ToString();
        }

        public string ConfigKey { get; }

        public string Name => GuardName;

        public GuardStage Stage => GuardStage.Fast;

        public bool Handles(PolicyAction action) => action.Kind == ActionKind.NetworkEgress;

        public GuardResult Evaluate(PolicyAction action)
        {
            var egress = (NetworkEgressAction)action;
            string host = egress.Host;
            int blocked = _blockSet.FirstMatchIndex(host);
            if (blocked >= 0)
            {
                return Blocked(egress, isDefault: false, _block[blocked].Pattern);
            }

            int allowed = _allowSet.FirstMatchIndex(host);
            if (allowed >= 0)
            {
                return new GuardResult(true, GuardName, GuardSeverity.Info, "Allowed", null, _allow[allowed].Pattern);
            }

            switch (_defaultAction)
            {
                case EgressDefaultAction.Allow:
                    return GuardResult.Allow(GuardName);
                case EgressDefaultAction.Log:
                    return Logged(egress);
                default:
                    return Blocked(egress, isDefault: true, null);
            }
        }

        // Its own method so that the closure over the action is allocated for logged egress only (see ForbiddenPathGuard).
        private static GuardResult Logged(NetworkEgressAction egress)
        {
            return GuardResult.WarnLazy(
                GuardName,
                "Egress to " + egress.Host + " logged",
                () => Details.Of(("host", egress.Host), ("port", (long)egress.Port)),
                null);
        }

        private static GuardResult Blocked(NetworkEgressAction egress, bool isDefault, string? pattern)
        {
            // Details are built only if read (counting runs never read them).
            return GuardResult.BlockLazy(
                GuardName,
                GuardSeverity.Error,
                "Egress to " + egress.Host + " blocked by policy",
                () => Details.Of(("host", egress.Host), ("is_default", isDefault), ("matched_pattern", pattern), ("port", (long)egress.Port)),
                pattern);
        }
    }
}
