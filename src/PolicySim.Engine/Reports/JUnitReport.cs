using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;
using PolicySim.Replay;

namespace PolicySim.Reports
{
    /// <summary>
    /// The JUnit XML report (the Ant/Jenkins shape that Azure DevOps, GitHub and GitLab read; docs/schema/junit.xsd):
    /// one <c>testsuites</c> with one <c>testsuite</c>; one test case per flip group, failed when its kind is gated;
    /// a passing case <c>no changes</c> when there are no groups; a case for the gate's thresholds when set; an
    /// erroring case when records could not be replayed.
    /// </summary>
    internal static class JUnitReport
    {
        public static void Write(ReplayReportData data, TextWriter output)
        {
            List<ReportCase> cases = ReportCase.From(data);
            int failures = 0, errors = 0;
            foreach (ReportCase c in cases)
            {
                failures += c.Status == ReportCaseStatus.Failed ? 1 : 0;
                errors += c.Status == ReportCaseStatus.Error ? 1 : 0;
            }

            var sb = new StringBuilder();
            using (XmlWriter w = XmlReport.Create(sb))
            {
                w.WriteStartElement("testsuites");
                XmlReport.Attribute(w, "name", "PolicySim");
                XmlReport.Attribute(w, "tests", cases.Count);
                XmlReport.Attribute(w, "failures", failures);
                XmlReport.Attribute(w, "errors", errors);
                XmlReport.Attribute(w, "time", "0");
                w.WriteStartElement("testsuite");
                XmlReport.Attribute(w, "name", data.Title);
                XmlReport.Attribute(w, "tests", cases.Count);
                XmlReport.Attribute(w, "failures", failures);
                XmlReport.Attribute(w, "errors", errors);
                XmlReport.Attribute(w, "skipped", 0);
                XmlReport.Attribute(w, "time", "0");
                XmlReport.Attribute(w, "timestamp", ReportText.ReportTime(data).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
                XmlReport.Attribute(w, "hostname", "policysim");
                XmlReport.Attribute(w, "id", 0);
                XmlReport.Attribute(w, "package", "PolicySim");
                w.WriteStartElement("properties");
                foreach (KeyValuePair<string, string> p in ReportCase.Properties(data))
                {
                    w.WriteStartElement("property");
                    XmlReport.Attribute(w, "name", p.Key);
                    XmlReport.Attribute(w, "value", p.Value);
                    w.WriteEndElement();
                }

                w.WriteEndElement();
                foreach (ReportCase c in cases)
                {
                    w.WriteStartElement("testcase");
                    XmlReport.Attribute(w, "name", c.Name);
                    XmlReport.Attribute(w, "classname", c.ClassName);
                    XmlReport.Attribute(w, "time", "0");
                    if (c.Status != ReportCaseStatus.Passed)
                    {
                        w.WriteStartElement(c.Status == ReportCaseStatus.Error ? "error" : "failure");
                        XmlReport.Attribute(w, "message", c.Message);
                        XmlReport.Attribute(w, "type", c.Type);
                        w.WriteString(ReportText.XmlClean(c.Details));
                        w.WriteEndElement();
                    }

                    if (c.Output.Length > 0)
                    {
                        XmlReport.Element(w, "system-out", c.Output);
                    }

                    w.WriteEndElement();
                }

                XmlReport.Element(w, "system-out", data.EvaluateGate().ToString());
                XmlReport.Element(w, "system-err", string.Empty);
                w.WriteEndElement();
                w.WriteEndElement();
            }

            output.Write(sb.Append('\n').ToString());
        }
    }
}
