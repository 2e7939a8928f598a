// TEMPORARY stand-in until the helper-globs branch lands.
using System.Collections.Generic;

namespace PolicySim.Evaluation.Matching
{
    internal static class PathNormalizer
    {
        public static string Normalize(string path)
        {
            string p = path.Replace('\\', '/');
            bool abs = p.StartsWith("/", System.StringComparison.Ordinal);
            var kept = new List<string>();
            foreach (var seg in p.Split('/'))
            {
                if (seg.Length == 0 || seg == ".")
                {
                    continue;
                }

                if (seg == "..")
                {
                    if (kept.Count > 0 && kept[kept.Count - 1] != "..")
                    {
                        kept.RemoveAt(kept.Count - 1);
                    }
                    else if (!abs)
                    {
                        kept.Add(seg);
                    }

                    continue;
                }

                kept.Add(seg);
            }

            string joined = string.Join("/", kept);
            return abs ? "/" + joined : (joined.Length == 0 ? "." : joined);
        }
    }
}
