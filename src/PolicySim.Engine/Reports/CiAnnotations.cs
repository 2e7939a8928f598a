using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using PolicySim.Replay;

namespace PolicySim.Reports
{
    /// <summary>
    /// CI annotations for a replay or compare: one line per gated group (error) and per widening group that is not
    /// gated (warning), located at the responsible policy rule when known, then the gate's verdict. Written to the
    /// diagnostics stream (stderr), never to the data stream. The environment is passed in, so hosts and tests
    /// decide what it is.
    /// </summary>
    public static class CiAnnotations
    {
        /// <summary>The style names accepted by <see cref="TryParseStyle"/>.</summary>
        public const string StyleNames = "detect, plain, azure, github";

        /// <summary>Detects the CI system: <c>TF_BUILD</c> set to <c>True</c> ⇒ Azure Pipelines; <c>GITHUB_ACTIONS</c> set to <c>true</c> ⇒ GitHub Actions; else plain.</summary>
        /// <param name="environment">Reads an environment variable (null when unset).</param>
        /// <returns>The style (never <see cref="CiStyle.Detect"/>).</returns>
        public static CiStyle Detect(Func<string, string?> environment)
        {
            Require.NotNull(environment, nameof(environment));

            if (IsTrue(environment("TF_BUILD")))
            {
                return CiStyle.AzurePipelines;
            }

            return IsTrue(environment("GITHUB_ACTIONS")) ? CiStyle.GitHubActions : CiStyle.Plain;
        }

        /// <summary>Resolves <see cref="CiStyle.Detect"/> from the environment; other styles are returned as given.</summary>
        /// <param name="style">The requested style.</param>
        /// <param name="environment">Reads an environment variable.</param>
        /// <returns>The effective style.</returns>
        public static CiStyle Resolve(CiStyle style, Func<string, string?> environment) => style == CiStyle.Detect ? Detect(environment) : style;

        /// <summary>Parses <c>detect</c>, <c>plain</c>, <c>azure</c> (or <c>azurepipelines</c>), <c>github</c> (or <c>githubactions</c>), case-insensitive.</summary>
        /// <param name="name">The name.</param>
        /// <param name="style">The style.</param>
        /// <returns>Whether the name is known.</returns>
        public static bool TryParseStyle(string? name, out CiStyle style)
        {
            switch ((name ?? string.Empty).Trim().ToUpperInvariant())
            {
                case "DETECT": style = CiStyle.Detect; return true;
                case "PLAIN": style = CiStyle.Plain; return true;
                case "AZURE":
                case "AZUREPIPELINES": style = CiStyle.AzurePipelines; return true;
                case "GITHUB":
                case "GITHUBACTIONS": style = CiStyle.GitHubActions; return true;
                default: style = CiStyle.Detect; return false;
            }
        }

        /// <summary>The GitHub step summary file (<c>GITHUB_STEP_SUMMARY</c>) when the style is GitHub Actions and it is set; else null.</summary>
        /// <param name="style">The effective style.</param>
        /// <param name="environment">Reads an environment variable.</param>
        /// <returns>The path, or null.</returns>
        public static string? StepSummaryPath(CiStyle style, Func<string, string?> environment)
        {
            Require.NotNull(environment, nameof(environment));

            string? path = style == CiStyle.GitHubActions ? environment("GITHUB_STEP_SUMMARY") : null;
            return string.IsNullOrWhiteSpace(path) ? null : path;
        }

        /// <summary>Writes the annotations and the verdict in a style.</summary>
        /// <param name="data">The report data (gate, groups, policies for rule locations).</param>
        /// <param name="style">The effective style (<see cref="CiStyle.Detect"/> is treated as plain).</param>
        /// <param name="output">The diagnostics stream.</param>
        /// <returns>The gate's verdict.</returns>
        public static GateResult Write(ReplayReportData data, CiStyle style, TextWriter output)
        {
            Require.NotNull(data, nameof(data));

            Require.NotNull(output, nameof(output));

            PolicyGate gate = data.EffectiveGate;
            GateResult verdict = data.EvaluateGate();
            int issues = 0;
            foreach (FlipGroup g in data.Summary.Groups)
            {
                bool gated = gate.IsGated(g.Kind);
                if (!gated && g.Class != FlipClass.Widening)
                {
                    continue;
                }

                issues++;
                RuleAttribution? rule = RuleAttribution.Find(g, data);
                string message = ReportText.GroupMessage(g, rule);
                string level = gated ? "error" : "warning";
                output.Write(Line(style, level, rule?.File, rule?.Line ?? 0, "PolicySim " + g.Kind, g.Kind.ToString(), message));
                output.Write('\n');
            }

            if (data.Summary.Errors > 0)
            {
                issues++;
                string message = ReportText.Plural(data.Summary.Errors, "record", "records") + " could not be replayed";
                output.Write(Line(style, "error", null, 0, "PolicySim input", "InvalidInput", message));
                output.Write('\n');
            }

            if (!verdict.Passed)
            {
                output.Write(Line(style, "error", null, 0, "PolicySim gate", "GateFailed", verdict.ToString()));
                output.Write('\n');
            }

            if (style == CiStyle.AzurePipelines)
            {
                string result = !verdict.Passed ? "Failed" : issues > 0 ? "SucceededWithIssues" : "Succeeded";
                output.Write("##vso[task.complete result=" + result + ";]" + AzureData(verdict.ToString()));
                output.Write('\n');
            }
            else if (style != CiStyle.GitHubActions)
            {
                output.Write(verdict.ToString());
                output.Write('\n');
            }

            return verdict;
        }

        /// <summary>Escapes a GitHub workflow command's message: <c>%</c>, <c>\r</c>, <c>\n</c>.</summary>
        /// <param name="text">The text.</param>
        /// <returns>The escaped text.</returns>
        public static string EscapeGitHubData(string text) =>
            (text ?? string.Empty).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

        /// <summary>Escapes a GitHub workflow command's property value: as data, plus <c>:</c> and <c>,</c>.</summary>
        /// <param name="text">The text.</param>
        /// <returns>The escaped text.</returns>
        public static string EscapeGitHubProperty(string text) =>
            EscapeGitHubData(text).Replace(":", "%3A").Replace(",", "%2C");

        /// <summary>Escapes an Azure Pipelines logging command's message: <c>%</c> (as <c>%AZP25</c>), <c>\r</c>, <c>\n</c>.</summary>
        /// <param name="text">The text.</param>
        /// <returns>The escaped text.</returns>
        public static string AzureData(string text) =>
            (text ?? string.Empty).Replace("%", "%AZP25").Replace("\r", "%0D").Replace("\n", "%0A");

        /// <summary>Escapes an Azure Pipelines logging command's property value: as data, plus <c>;</c> and <c>]</c>.</summary>
        /// <param name="text">The text.</param>
        /// <returns>The escaped text.</returns>
        public static string AzureProperty(string text) =>
            AzureData(text).Replace(";", "%3B").Replace("]", "%5D");

        private static bool IsTrue(string? value) =>
            value != null && (string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase) || string.Equals(value.Trim(), "1", StringComparison.Ordinal));

        private static string Line(CiStyle style, string level, string? file, int line, string title, string code, string message)
        {
            var sb = new StringBuilder();
            string lineText = line.ToString(CultureInfo.InvariantCulture);
            switch (style)
            {
                case CiStyle.AzurePipelines:
                    sb.Append("##vso[task.logissue type=").Append(level);
                    if (file != null)
                    {
                        sb.Append(";sourcepath=").Append(AzureProperty(file));
                        if (line > 0)
                        {
                            sb.Append(";linenumber=").Append(lineText);
                        }
                    }

                    sb.Append(";code=").Append(AzureProperty(code)).Append(']').Append(AzureData(message));
                    break;
                case CiStyle.GitHubActions:
                    sb.Append("::").Append(level).Append(' ');
                    var props = new List<string>();
                    if (file != null)
                    {
                        props.Add("file=" + EscapeGitHubProperty(file));
                        if (line > 0)
                        {
                            props.Add("line=" + lineText);
                        }
                    }

                    props.Add("title=" + EscapeGitHubProperty(title));
                    sb.Append(string.Join(",", props)).Append("::").Append(EscapeGitHubData(message));
                    break;
                default:
                    sb.Append(level).Append(": ");
                    if (file != null)
                    {
                        sb.Append(file);
                        if (line > 0)
                        {
                            sb.Append(':').Append(lineText);
                        }

                        sb.Append(": ");
                    }

                    sb.Append(message.Replace("\r", " ").Replace("\n", " "));
                    break;
            }

            return sb.ToString();
        }
    }
}
