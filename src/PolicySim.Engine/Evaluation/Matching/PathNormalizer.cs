using System;
using System.Collections.Generic;
using System.Text;

namespace PolicySim.Evaluation.Matching
{
    /// <summary>
    /// Lexical path normalization used by <c>forbidden_path</c> and <c>path_allowlist</c>
    /// (Clawdstrike spec §3.0.1). No filesystem access, no case folding, no <c>~</c> or
    /// environment expansion, no joining with the current directory.
    /// </summary>
    internal static class PathNormalizer
    {
        /// <summary>
        /// Normalizes <paramref name="path"/>: <c>\</c> becomes <c>/</c>, empty and <c>.</c> segments are
        /// dropped, <c>..</c> pops the previous segment (kept for relative paths when nothing can be popped,
        /// dropped for absolute ones). An empty result is <c>/</c> (absolute) or <c>.</c> (relative).
        /// </summary>
        /// <param name="path">The path exactly as the event carried it.</param>
        /// <returns>The normalized path; the same instance when it was already normalized.</returns>
        public static string Normalize(string path)
        {
            // Most event paths are already normal; checking first keeps the hot path allocation-free.
            if (IsNormalized(path))
            {
                return path;
            }

            bool absolute = path.Length > 0 && (path[0] == '/' || path[0] == '\\');
            var kept = new List<string>();
            int i = 0;
            while (i <= path.Length)
            {
                int end = i;
                while (end < path.Length && path[end] != '/' && path[end] != '\\')
                {
                    end++;
                }

                int len = end - i;
                if (len == 0 || (len == 1 && path[i] == '.'))
                {
                    // Empty and "." segments vanish.
                }
                else if (len == 2 && path[i] == '.' && path[i + 1] == '.')
                {
                    if (kept.Count > 0 && kept[kept.Count - 1] != "..")
                    {
                        kept.RemoveAt(kept.Count - 1);
                    }
                    else if (!absolute)
                    {
                        // A relative path cannot climb above its start lexically, so the ".." stays.
                        kept.Add("..");
                    }
                }
                else
                {
                    kept.Add(path.Substring(i, len));
                }

                i = end + 1;
            }

            if (kept.Count == 0)
            {
                return absolute ? "/" : ".";
            }

            var sb = new StringBuilder(path.Length + 1);
            if (absolute)
            {
                sb.Append('/');
            }

            for (int k = 0; k < kept.Count; k++)
            {
                if (k > 0)
                {
                    sb.Append('/');
                }

                sb.Append(kept[k]);
            }

            return sb.ToString();
        }

        /// <summary>True when <see cref="Normalize"/> would return the path unchanged.</summary>
        private static bool IsNormalized(string path)
        {
            if (path.Length == 0)
            {
                return false;
            }

            if (path.Length == 1)
            {
                // "/" and "." are fixed points; a lone "\" is not.
                return path[0] != '\\';
            }

            bool absolute = path[0] == '/';
            int i = absolute ? 1 : 0;

            // Leading ".." segments are legitimate only for relative paths.
            bool sawName = absolute;
            while (i <= path.Length)
            {
                int end = i;
                while (end < path.Length && path[end] != '/')
                {
                    if (path[end] == '\\')
                    {
                        return false;
                    }

                    end++;
                }

                int len = end - i;
                if (len == 0)
                {
                    return false; // "//", trailing "/" or a lone leading "/" handled above
                }

                if (len == 1 && path[i] == '.')
                {
                    return false;
                }

                if (len == 2 && path[i] == '.' && path[i + 1] == '.')
                {
                    if (sawName)
                    {
                        return false;
                    }
                }
                else
                {
                    sawName = true;
                }

                i = end + 1;
            }

            return true;
        }
    }
}
