using PolicySim.Evaluation.Text;

namespace PolicySim.Evaluation.Guards
{
    internal static class TextDetails
    {
        public static object Canonicalization(CanonicalText c)
        {
            var d = Details.Create();
            d["canonical_bytes"] = (long)c.CanonicalBytes;
            d["casefold_changed"] = c.CasefoldChanged;
            d["nfkc_changed"] = c.NfkcChanged;
            d["scanned_bytes"] = (long)c.ScannedBytes;
            d["truncated"] = c.Truncated;
            d["whitespace_collapsed"] = c.WhitespaceCollapsed;
            d["zero_width_stripped"] = (long)c.ZeroWidthStripped;
            return d;
        }
    }
}
