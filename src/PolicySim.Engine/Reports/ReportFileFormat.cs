using System;
using System.IO;

namespace PolicySim.Reports
{
    /// <summary>The report format a file name implies, for hosts that write a file without an explicit format.</summary>
    public static class ReportFileFormat
    {
        /// <summary>
        /// The format of a file extension: <c>.txt</c>/<c>.log</c> Text, <c>.json</c> Json, <c>.jsonl</c>/<c>.ndjson</c>
        /// Jsonl, <c>.md</c>/<c>.markdown</c> Markdown, <c>.sarif</c> Sarif, <c>.html</c>/<c>.htm</c> Html. <c>.xml</c> is
        /// ambiguous (JUnit or NUnit 3) and, like any other extension, gives false.
        /// </summary>
        /// <param name="path">The file name or path.</param>
        /// <param name="format">The format.</param>
        /// <returns>Whether the extension names one format.</returns>
        public static bool TryFromPath(string? path, out ReportFormat format)
        {
            string ext = string.Empty;
            try
            {
                ext = Path.GetExtension(path ?? string.Empty) ?? string.Empty;
            }
            catch (ArgumentException)
            {
                // invalid characters: no extension
            }

            switch (ext.ToUpperInvariant())
            {
                case ".TXT":
                case ".LOG": format = ReportFormat.Text; return true;
                case ".JSON": format = ReportFormat.Json; return true;
                case ".JSONL":
                case ".NDJSON": format = ReportFormat.Jsonl; return true;
                case ".MD":
                case ".MARKDOWN": format = ReportFormat.Markdown; return true;
                case ".SARIF": format = ReportFormat.Sarif; return true;
                case ".HTML":
                case ".HTM": format = ReportFormat.Html; return true;
                default: format = ReportFormat.Text; return false;
            }
        }
    }
}
