using System;
using PolicySim.Evaluation.Matching;

namespace PolicySim.Evaluation.Guards
{
    /// <summary><c>path_allowlist</c> (spec §3.2): the normalized path must match the list for its action.</summary>
    internal sealed class PathAllowlistGuard : IGuard
    {
        public const string GuardName = "path_allowlist";

        private readonly PathGlobSet _fileAccess;
        private readonly PathGlobSet _fileWrite;
        private readonly PathGlobSet _patch;

        public PathAllowlistGuard(PathGlob[] fileAccess, PathGlob[] fileWrite, PathGlob[] patch)
        {
            _fileAccess = new PathGlobSet(fileAccess);
            _fileWrite = new PathGlobSet(fileWrite);

            // An empty patch_allow falls back to file_write_allow.
            _patch = new PathGlobSet(patch.Length > 0 ? patch : fileWrite);
            ConfigKey = new GuardConfigKey(GuardName).Add(Array.ConvertAll(fileAccess, g => g.Pattern)).Add(Array.ConvertAll(fileWrite, g => g.Pattern)).Add(Array.ConvertAll(patch, g => g.Pattern)).ToString();
        }

        public string ConfigKey { get; }

        public string Name => GuardName;

        public GuardStage Stage => GuardStage.Fast;

        public bool Handles(PolicyAction action) => action.Kind is ActionKind.FileAccess or ActionKind.FileWrite or ActionKind.Patch;

        public GuardResult Evaluate(PolicyAction action)
        {
            string path = GuardPaths.PathOf(action);
            string normalized = PathNormalizer.Normalize(path);
            PathGlobSet list = action.Kind switch
            {
                ActionKind.FileAccess => _fileAccess,
                ActionKind.FileWrite => _fileWrite,
                _ => _patch,
            };
            if (list.FirstMatchIndex(normalized) >= 0)
            {
                return GuardResult.Allow(GuardName);
            }

            return Blocked(path);
        }

        // Its own method so that the closure over `path` is allocated for blocks only (see ForbiddenPathGuard).
        private static GuardResult Blocked(string path)
        {
            // Details are built only if read (counting runs never read them).
            return GuardResult.BlockLazy(
                GuardName,
                GuardSeverity.Error,
                "Path not in allowlist: " + path,
                () => Details.Of(("path", path), ("reason", "path_not_allowlisted")),
                null);
        }
    }
}
