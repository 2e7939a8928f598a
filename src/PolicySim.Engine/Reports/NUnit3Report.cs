using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;

namespace PolicySim.Reports
{
    /// <summary>
    /// The NUnit 3 XML report (<c>test-run</c> → assembly <c>test-suite</c> → one fixture per class of case →
    /// <c>test-case</c>; docs/schema/nunit3.xsd), the format Azure DevOps publishes with
    /// <c>PublishTestResults@2</c> <c>testResultsFormat: NUnit</c>. Same cases as the JUnit report.
    /// </summary>
    internal static class NUnit3Report
    {
        public static void Write(ReplayReportData data, TextWriter output)
        {
            List<ReportCase> cases = ReportCase.From(data);
            string time = ReportText.ReportTime(data).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var fixtures = new List<KeyValuePair<string, List<ReportCase>>>();
            foreach (ReportCase c in cases)
            {
                int i = fixtures.FindIndex(f => string.Equals(f.Key, c.ClassName, StringComparison.Ordinal));
                if (i < 0)
                {
                    fixtures.Add(new KeyValuePair<string, List<ReportCase>>(c.ClassName, new List<ReportCase>()));
                    i = fixtures.Count - 1;
                }

                fixtures[i].Value.Add(c);
            }

            int nextId = 1000;
            var sb = new StringBuilder();
            using (XmlWriter w = XmlReport.Create(sb))
            {
                w.WriteStartElement("test-run");
                XmlReport.Attribute(w, "id", "0");
                XmlReport.Attribute(w, "name", "PolicySim");
                XmlReport.Attribute(w, "fullname", data.Title);
                Counts(w, cases, includeRunstate: false);
                XmlReport.Attribute(w, "engine-version", typeof(NUnit3Report).Assembly.GetName().Version?.ToString() ?? "0.0.0");
                Times(w, time);
                XmlReport.Element(w, "command-line", "policysim " + data.Command + " " + string.Join(" ", Args(data)));

                w.WriteStartElement("test-suite");
                XmlReport.Attribute(w, "type", "Assembly");
                XmlReport.Attribute(w, "id", "0-" + (nextId++).ToString(CultureInfo.InvariantCulture));
                XmlReport.Attribute(w, "name", "PolicySim");
                XmlReport.Attribute(w, "fullname", data.Title);
                Counts(w, cases, includeRunstate: true);
                Times(w, time);
                w.WriteStartElement("properties");
                foreach (KeyValuePair<string, string> p in ReportCase.Properties(data))
                {
                    w.WriteStartElement("property");
                    XmlReport.Attribute(w, "name", p.Key);
                    XmlReport.Attribute(w, "value", p.Value);
                    w.WriteEndElement();
                }

                w.WriteEndElement();
                SuiteFailure(w, cases);
                foreach (KeyValuePair<string, List<ReportCase>> fixture in fixtures)
                {
                    w.WriteStartElement("test-suite");
                    XmlReport.Attribute(w, "type", "TestFixture");
                    XmlReport.Attribute(w, "id", "0-" + (nextId++).ToString(CultureInfo.InvariantCulture));
                    XmlReport.Attribute(w, "name", fixture.Key.Substring(fixture.Key.LastIndexOf('.') + 1));
                    XmlReport.Attribute(w, "fullname", fixture.Key);
                    XmlReport.Attribute(w, "classname", fixture.Key);
                    Counts(w, fixture.Value, includeRunstate: true);
                    Times(w, time);
                    SuiteFailure(w, fixture.Value);
                    foreach (ReportCase c in fixture.Value)
                    {
                        w.WriteStartElement("test-case");
                        XmlReport.Attribute(w, "id", "0-" + (nextId++).ToString(CultureInfo.InvariantCulture));
                        XmlReport.Attribute(w, "name", c.Name);
                        XmlReport.Attribute(w, "fullname", c.ClassName + "." + c.Name);
                        XmlReport.Attribute(w, "methodname", c.Name);
                        XmlReport.Attribute(w, "classname", c.ClassName);
                        XmlReport.Attribute(w, "runstate", "Runnable");
                        XmlReport.Attribute(w, "seed", "0");
                        XmlReport.Attribute(w, "result", c.Status == ReportCaseStatus.Passed ? "Passed" : "Failed");
                        if (c.Status == ReportCaseStatus.Error)
                        {
                            XmlReport.Attribute(w, "label", "Error");
                        }

                        Times(w, time);
                        XmlReport.Attribute(w, "asserts", "0");
                        if (c.Status != ReportCaseStatus.Passed)
                        {
                            w.WriteStartElement("failure");
                            XmlReport.Element(w, "message", c.Message);
                            XmlReport.Element(w, "stack-trace", c.Details);
                            w.WriteEndElement();
                        }

                        if (c.Output.Length > 0)
                        {
                            XmlReport.Element(w, "output", c.Output);
                        }

                        w.WriteEndElement();
                    }

                    w.WriteEndElement();
                }

                w.WriteEndElement();
                w.WriteEndElement();
            }

            output.Write(sb.Append('\n').ToString());
        }

        private static IEnumerable<string> Args(ReplayReportData data)
        {
            if (data.BaselinePolicy != null)
            {
                yield return data.BaselinePolicy;
            }

            yield return data.CandidatePolicy;
            foreach (string input in data.Inputs)
            {
                yield return input;
            }
        }

        private static void Counts(XmlWriter w, List<ReportCase> cases, bool includeRunstate)
        {
            int failed = cases.FindAll(c => c.Status != ReportCaseStatus.Passed).Count;
            if (includeRunstate)
            {
                XmlReport.Attribute(w, "runstate", "Runnable");
            }

            XmlReport.Attribute(w, "testcasecount", cases.Count);
            XmlReport.Attribute(w, "result", failed > 0 ? "Failed" : "Passed");
            if (failed > 0 && includeRunstate)
            {
                XmlReport.Attribute(w, "site", "Child");
            }

            XmlReport.Attribute(w, "total", cases.Count);
            XmlReport.Attribute(w, "passed", cases.Count - failed);
            XmlReport.Attribute(w, "failed", failed);
            XmlReport.Attribute(w, "warnings", 0);
            XmlReport.Attribute(w, "inconclusive", 0);
            XmlReport.Attribute(w, "skipped", 0);
            XmlReport.Attribute(w, "asserts", 0);
        }

        private static void Times(XmlWriter w, string time)
        {
            XmlReport.Attribute(w, "start-time", time);
            XmlReport.Attribute(w, "end-time", time);
            XmlReport.Attribute(w, "duration", "0.000000");
        }

        private static void SuiteFailure(XmlWriter w, List<ReportCase> cases)
        {
            if (cases.Exists(c => c.Status != ReportCaseStatus.Passed))
            {
                w.WriteStartElement("failure");
                XmlReport.Element(w, "message", "One or more child tests had errors");
                w.WriteEndElement();
            }
        }
    }
}
