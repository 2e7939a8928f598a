using System;
using PolicySim.Evaluation.Matching;

namespace PolicySim.Evaluation.Guards
{
    /// <summary><c>forbidden_path</c> (spec §3.1): exceptions first, then patterns, on the normalized path.</summary>
    internal sealed class ForbiddenPathGuard : IGuard
    {
        public const string GuardName = "forbidden_path";

        private readonly PathGlob[] _patterns;
        private readonly PathGlobSet _patternSet;
        private readonly PathGlobSet _exceptions;

        public ForbiddenPathGuard(PathGlob[] patterns, PathGlob[] exceptions)
        {
            _patterns = patterns;
            _patternSet = new PathGlobSet(patterns);
            _exceptions = new PathGlobSet(exceptions);
            ConfigKey = new GuardConfigKey(GuardName).Add(Array.ConvertAll(patterns, g => g.Pattern)).Add(Array.ConvertAll(exceptions, g => g.Pattern)).ToString();
        }

        public string ConfigKey { get; }

        public string Name => GuardName;

        public GuardStage Stage => GuardStage.Fast;

        public bool Handles(PolicyAction action) => action.Kind is ActionKind.FileAccess or ActionKind.FileWrite or ActionKind.Patch;

        public GuardResult Evaluate(PolicyAction action)
        {
            string path = GuardPaths.PathOf(action);
            string normalized = PathNormalizer.Normalize(path);
            if (_exceptions.FirstMatchIndex(normalized) >= 0)
            {
                return GuardResult.Allow(GuardName);
            }

            int hit = _patternSet.FirstMatchIndex(normalized);
            if (hit < 0)
            {
                return GuardResult.Allow(GuardName);
            }

            return Blocked(path, _patterns[hit].Pattern);
        }

        // Its own method: a lambda in Evaluate would capture `path` there, and C# allocates the captured variables'
        // closure object on entry to Evaluate, for every decision, not only for blocks.
        private static GuardResult Blocked(string path, string pattern)
        {
            // Details are built only if read (counting runs never read them).
            return GuardResult.BlockLazy(
                GuardName,
                GuardSeverity.Critical,
                "Access to forbidden path: " + path,
                () => Details.Of(("path", path), ("reason", "matches_forbidden_pattern")),
                pattern);
        }
    }
}
