using System.IO;
using System.Xml;
using System.Xml.Schema;
using PolicySim.Events;
using PolicySim.Policies;
using PolicySim.Replay;
using PolicySim.Reports;

namespace PolicySim.Tests.Reports
{
    /// <summary>Real comparisons of the example policies on the example audit log, as report data.</summary>
    internal static class ReportTestData
    {
        public static string Examples => Path.Combine(AppContext.BaseDirectory, "examples");

        public static string Current => Path.Combine(Examples, "policies", "current.yaml");

        public static string Candidate => Path.Combine(Examples, "policies", "candidate.yaml");

        public static string Audit => Path.Combine(Examples, "events", "audit.jsonl");

        /// <summary>current.yaml → candidate.yaml on audit.jsonl (1 widening, 5 breaking flips).</summary>
        public static ReplayReportData Changed(PolicyGate? gate = null) => Compare(Current, Candidate, gate);

        /// <summary>current.yaml → current.yaml: no changes.</summary>
        public static ReplayReportData Unchanged(PolicyGate? gate = null) => Compare(Current, Current, gate);

        /// <summary>No events at all.</summary>
        public static ReplayReportData Empty() => new ReplayReportData("compare", "b.yaml", "a.yaml", new[] { "empty.jsonl" }, new ReplaySummary());

        public static ReplayReportData Compare(string oldPath, string newPath, PolicyGate? gate = null)
        {
            PolicyDefinition oldPolicy = PolicyLoader.Load(oldPath);
            PolicyDefinition newPolicy = PolicyLoader.Load(newPath);
            var summary = new ReplaySummary();
            var tally = new DecisionTally();
            var flips = new List<ReplayResult>();
            using (Stream s = File.OpenRead(Audit))
            {
                foreach (ReplayItem item in PolicyComparison.Run(oldPolicy, newPolicy, EventStreamReader.ReadAll(s, "events/audit.jsonl"), null, summary))
                {
                    tally.Add(item.Result!);
                    if (item.Result!.Flip != FlipKind.None)
                    {
                        flips.Add(item.Result);
                    }
                }
            }

            return new ReplayReportData("compare", "policies/" + Path.GetFileName(newPath), "policies/" + Path.GetFileName(oldPath), new[] { "events/audit.jsonl" }, summary)
            {
                Candidate = newPolicy,
                Baseline = oldPolicy,
                Gate = gate,
                Tally = tally,
                Flips = flips,
                BaseDirectory = Examples,
            };
        }

        /// <summary>Validates XML against a checked-in XSD; returns the problems.</summary>
        public static List<string> ValidateXml(string xml, string xsdName)
        {
            var problems = new List<string>();
            var schemas = new XmlSchemaSet();
            using (var reader = XmlReader.Create(Path.Combine(AppContext.BaseDirectory, "schema", xsdName)))
            {
                schemas.Add(null, reader);
            }

            var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings };
            settings.ValidationEventHandler += (_, e) => problems.Add(e.Severity + " line " + e.Exception?.LineNumber + ": " + e.Message);
            using (var reader = XmlReader.Create(new StringReader(xml), settings))
            {
                while (reader.Read())
                {
                }
            }

            return problems;
        }
    }
}
