namespace PolicySim.Reports
{
    /// <summary>The formats a replay or compare report can be written in (CLI <c>--format</c>, cmdlet <c>-OutputFormat</c>).</summary>
    public enum ReportFormat
    {
        /// <summary>Plain text: totals, a table by flip kind, the top groups.</summary>
        Text,

        /// <summary>The versioned JSON report (<c>policysim.replay/1</c>).</summary>
        Json,

        /// <summary>One compact JSON object per flipped result.</summary>
        Jsonl,

        /// <summary>A Markdown pull-request comment.</summary>
        Markdown,

        /// <summary>JUnit XML: one test case per flip group.</summary>
        JUnit,

        /// <summary>NUnit 3 XML: one test case per flip group.</summary>
        NUnit3,

        /// <summary>SARIF 2.1.0: one result per gated or widening group, located at the responsible policy rule.</summary>
        Sarif,

        /// <summary>One self-contained HTML page with inline SVG charts and no scripts.</summary>
        Html,
    }
}
