using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using PolicySim.Evaluation;
using PolicySim.Events;
using PolicySim.Policies;
using PolicySim.Replay;
using PolicySim.Reports;

namespace PolicySim.Tests.Replay
{
    internal static class ReplayTestData
    {
        public static string ExamplePath(params string[] parts) => Path.Combine(AppContext.BaseDirectory, "examples", Path.Combine(parts));

        public static string AuditLog => ExamplePath("events", "audit.jsonl");

        public static IEnumerable<EventReadResult> Raw(string text, string source = "test.jsonl") =>
            EventStreamReader.ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(text)), source).ToList();

        public static IEnumerable<EventReadResult> RawFile(string path) => Raw(File.ReadAllText(path), path);

        public static IEnumerable<RecordedDecisionReadResult> Records(string text, RecordedDecisionFormat format = RecordedDecisionFormat.Auto) =>
            RecordedDecisionReader.Read(Raw(text), format).ToList();

        /// <summary>Runs the engine over every event and writes the decision into each event line (format a).</summary>
        public static string FormatA(PolicyDefinition policy, string eventsPath)
        {
            var sb = new StringBuilder();
            foreach (string line in File.ReadAllLines(eventsPath).Where(l => l.Trim().Length > 0))
            {
                var node = JsonNode.Parse(line)!.AsObject();
                var result = JsonNode.Parse(SimulationJsonReport.FormatResultLine(PolicyDecider.Decide(policy, PolicyDecider.ParseEvent(line))))!.AsObject();
                node["outcome"] = result["outcome"]!.DeepClone();
                node["decision"] = result["decision"]!.DeepClone();
                sb.Append(node.ToJsonString()).Append('\n');
            }

            return sb.ToString();
        }

        /// <summary>Runs the engine over every event and writes reference simulate --jsonl lines (format b).</summary>
        public static string FormatB(PolicyDefinition policy, string eventsPath)
        {
            var sb = new StringBuilder();
            foreach (string line in File.ReadAllLines(eventsPath).Where(l => l.Trim().Length > 0))
            {
                sb.Append(SimulationJsonReport.FormatResultLine(PolicyDecider.Decide(policy, PolicyDecider.ParseEvent(line)))).Append('\n');
            }

            return sb.ToString();
        }

        public static (List<ReplayItem> Items, ReplaySummary Summary) RunReplay(PolicyDefinition candidate, IEnumerable<RecordedDecisionReadResult> records, ReplayOptions? options = null)
        {
            var summary = new ReplaySummary();
            var items = PolicyReplay.Run(candidate, records, options, summary).ToList();
            return (items, summary);
        }

        public static (List<ReplayItem> Items, ReplaySummary Summary) RunCompare(PolicyDefinition reference, PolicyDefinition difference, string eventsText, ReplayOptions? options = null)
        {
            var summary = new ReplaySummary();
            var items = PolicyComparison.Run(reference, difference, Raw(eventsText), options, summary).ToList();
            return (items, summary);
        }

        public static string Tool(string id, string tool, string parameters = "{}", string time = "2026-11-02T09:00:00Z") =>
            "{\"eventId\":\"" + id + "\",\"eventType\":\"tool_call\",\"timestamp\":\"" + time + "\",\"data\":{\"type\":\"tool\",\"toolName\":\"" + tool + "\",\"parameters\":" + parameters + "},\"metadata\":{\"toolKind\":\"mcp\"}}";
    }
}
