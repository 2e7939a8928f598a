using System.IO;
using System.Linq;
using System.Text.Json;

namespace PolicySim.Tests
{
    public class TrackPostureTests
    {
        [Fact]
        public void Track_posture_adds_state_budgets_and_transitions()
        {
            var r = CliRun.Invoke("simulate", Path.Combine("examples", "policies", "posture.yaml"), Path.Combine("examples", "events", "audit.jsonl"), "--jsonl", "--track-posture");
            var lines = r.Stdout.TrimEnd('\n').Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.All(lines, l => Assert.True(l.TryGetProperty("posture", out _)));
            var first = lines[0].GetProperty("posture");
            Assert.Equal("work", first.GetProperty("state").GetString());
            Assert.Equal(5, first.GetProperty("budgets").GetProperty("egress_calls").GetProperty("limit").GetInt32());
            var locking = lines.First(l => l.GetProperty("posture").TryGetProperty("transition", out _)).GetProperty("posture").GetProperty("transition");
            Assert.Equal("critical_violation", locking.GetProperty("trigger").GetString());
            Assert.Equal("locked", locking.GetProperty("to").GetString());
            Assert.Contains(lines, l => l.GetProperty("decision").GetProperty("guard").GetString() == "posture");
        }

        [Fact]
        public void Without_track_posture_there_is_no_posture_field()
        {
            var r = CliRun.Invoke("simulate", Path.Combine("examples", "policies", "posture.yaml"), Path.Combine("examples", "events", "audit.jsonl"), "--jsonl");
            Assert.DoesNotContain("\"posture\"", r.Stdout);
        }
    }
}
