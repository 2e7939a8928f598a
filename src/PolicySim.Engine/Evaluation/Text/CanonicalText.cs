namespace PolicySim.Evaluation.Text
{
    /// <summary>
    /// The result of canonicalizing untrusted text (Clawdstrike spec §3.7 steps 2–3), with the statistics the
    /// reference reports under <c>canonicalization</c>.
    /// </summary>
    /// <param name="Text">The canonical text: NFKC, lower-cased, zero-width characters removed, whitespace runs
    /// collapsed to single spaces, no leading or trailing space.</param>
    /// <param name="ScannedBytes">UTF-8 byte length of the scanned prefix (the whole text unless truncated).</param>
    /// <param name="Truncated">Whether the text was longer than the byte limit and was cut.</param>
    /// <param name="NfkcChanged">Whether NFKC changed the scanned prefix.</param>
    /// <param name="CasefoldChanged">Whether lower-casing changed the NFKC text.</param>
    /// <param name="ZeroWidthStripped">How many zero-width/format characters were deleted.</param>
    /// <param name="WhitespaceCollapsed">Whether whitespace splitting and joining changed the text.</param>
    /// <param name="CanonicalBytes">UTF-8 byte length of <paramref name="Text"/>.</param>
    internal sealed record CanonicalText(
        string Text,
        int ScannedBytes,
        bool Truncated,
        bool NfkcChanged,
        bool CasefoldChanged,
        int ZeroWidthStripped,
        bool WhitespaceCollapsed,
        int CanonicalBytes);
}
