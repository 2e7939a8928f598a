using System.CommandLine;
using PolicySim.Replay;

namespace PolicySim.Cli.Commands
{
    /// <summary>Builds the <c>replay</c>, <c>compare</c>, <c>impact</c> and <c>merge</c> commands.</summary>
    internal static class ReplayCommands
    {
        public static Command Replay(CliConsole console)
        {
            var policy = new Argument<string>("policy") { Description = "The candidate policy: a file path or a built-in ruleset name." };
            var records = new Argument<string>("records") { Description = "Recorded decisions (JSONL or JSON array) or '-' for stdin: PolicyEvents with outcome/decision, simulate --jsonl output (with --events), or daemon audit events." };
            var baseline = new Option<string?>("--baseline-policy") { Description = "Decide the baseline with this policy instead of using the recorded outcomes." };
            var events = new Option<string?>("--events") { Description = "The events that the records (reference simulate --jsonl output) decided; joined by eventId." };
            var inputFormat = new Option<RecordedDecisionFormat>("--input-format") { Description = "The records' format (default: detected from the first record).", DefaultValueFactory = _ => RecordedDecisionFormat.Auto };
            var common = new CommonOptions();
            var cmd = new Command("replay", "Re-decide recorded decisions under a candidate policy and report every flip.") { policy, records, baseline, events, inputFormat };
            common.AddTo(cmd);
            cmd.SetAction(parse => common.Bind(parse, new ReplayCommand
            {
                Policy = parse.GetValue(policy)!,
                Input = parse.GetValue(records)!,
                BaselinePolicy = parse.GetValue(baseline),
                Events = parse.GetValue(events),
                InputFormat = parse.GetValue(inputFormat),
            }).Run(console));
            return cmd;
        }

        public static Command Compare(CliConsole console)
        {
            var oldPolicy = new Argument<string>("old") { Description = "The reference (current) policy." };
            var newPolicy = new Argument<string>("new") { Description = "The candidate policy." };
            var events = new Argument<string>("events") { Description = "PolicyEvent JSONL or JSON array, or '-' for stdin." };
            var common = new CommonOptions();
            var cmd = new Command("compare", "Decide the same events under two policies and report the differences.") { oldPolicy, newPolicy, events };
            common.AddTo(cmd);
            cmd.SetAction(parse => common.Bind(parse, new ReplayCommand
            {
                IsCompare = true,
                BaselinePolicy = parse.GetValue(oldPolicy)!,
                Policy = parse.GetValue(newPolicy)!,
                Input = parse.GetValue(events)!,
            }).Run(console));
            return cmd;
        }

        public static Command Impact(CliConsole console)
        {
            var oldPolicy = new Argument<string>("old") { Description = "The old policy." };
            var newPolicy = new Argument<string>("new") { Description = "The new policy." };
            var events = new Argument<string>("events") { Description = "PolicyEvent JSONL or JSON array, or '-' for stdin." };
            var json = new Option<bool>("--json") { Description = "Print the reference impact JSON report." };
            var failOnBreaking = new Option<bool>("--fail-on-breaking") { Description = "Exit 2 when any event goes from allow to block." };
            var resolve = new Option<bool>("--resolve") { Description = "Accepted for compatibility; PolicySim always resolves 'extends'." };
            var cmd = new Command("impact", "Count how outcomes change between two policies (reference 'policy impact').") { oldPolicy, newPolicy, events, json, failOnBreaking, resolve };
            cmd.SetAction(parse => new ImpactCommand
            {
                OldPolicy = parse.GetValue(oldPolicy)!,
                NewPolicy = parse.GetValue(newPolicy)!,
                Events = parse.GetValue(events)!,
                Json = parse.GetValue(json),
                FailOnBreaking = parse.GetValue(failOnBreaking),
            }.Run(console));
            return cmd;
        }

        public static Command Merge(CliConsole console)
        {
            var reports = new Argument<string[]>("reports") { Description = "Replay/compare JSON reports of shards, in input order.", Arity = ArgumentArity.OneOrMore };
            var format = new Option<string>("--format") { Description = "json (default), text, markdown, junit, nunit, sarif or html.", DefaultValueFactory = _ => "json" };
            var output = new Option<string?>("--output") { Description = "Write the report to this file instead of stdout." };
            var failOn = new Option<string?>("--fail-on") { Description = "Gate: exit 2 when flips of these kinds occur (comma list of flip kinds, or breaking, widening, changed, unknown, any)." };
            var maxChanges = new Option<long?>("--max-changes") { Description = "Gate: exit 2 when more than N outcomes change." };
            var maxChangeRate = new Option<string?>("--max-change-rate") { Description = "Gate: exit 2 when the share of changed outcomes exceeds P (5% or 0.05)." };
            var ciStyle = new Option<string>("--ci-style") { Description = "CI annotations on stderr: detect (default), plain, azure or github.", DefaultValueFactory = _ => "detect" };
            var cmd = new Command("merge", "Merge replay/compare reports of shards into one.") { reports, format, output, failOn, maxChanges, maxChangeRate, ciStyle };
            cmd.SetAction(parse => new MergeCommand
            {
                Reports = parse.GetValue(reports)!,
                Format = parse.GetValue(format)!,
                Output = parse.GetValue(output),
                FailOn = parse.GetValue(failOn),
                MaxChanges = parse.GetValue(maxChanges),
                MaxChangeRate = parse.GetValue(maxChangeRate),
                CiStyle = parse.GetValue(ciStyle)!,
            }.Run(console));
            return cmd;
        }

        private sealed class CommonOptions
        {
            private readonly Option<string?> _since = new Option<string?>("--since") { Description = "Only events at or after this time (RFC 3339)." };
            private readonly Option<string?> _until = new Option<string?>("--until") { Description = "Only events before this time (RFC 3339)." };
            private readonly Option<string[]> _eventType = new Option<string[]>("--event-type") { Description = "Only these event types (repeatable).", AllowMultipleArgumentsPerToken = true };
            private readonly Option<string[]> _guard = new Option<string[]>("--guard") { Description = "Only results whose baseline or candidate guard is one of these (repeatable).", AllowMultipleArgumentsPerToken = true };
            private readonly Option<double> _sampleRate = new Option<double>("--sample-rate") { Description = "Fraction of events to replay, 0..1 (deterministic per seed and event id).", DefaultValueFactory = _ => 1.0 };
            private readonly Option<long> _seed = new Option<long>("--seed") { Description = "Sampling seed." };
            private readonly Option<string> _format = new Option<string>("--format") { Description = "text (default), json, jsonl, markdown, junit, nunit, sarif or html.", DefaultValueFactory = _ => "text" };
            private readonly Option<string?> _failOn = new Option<string?>("--fail-on") { Description = "Gate: exit 2 when flips of these kinds occur (comma list of flip kinds, or breaking, widening, changed, unknown, any)." };
            private readonly Option<long?> _maxChanges = new Option<long?>("--max-changes") { Description = "Gate: exit 2 when more than N outcomes change." };
            private readonly Option<string?> _maxChangeRate = new Option<string?>("--max-change-rate") { Description = "Gate: exit 2 when the share of changed outcomes exceeds P (5% or 0.05; a bare number above 1 is a percent)." };
            private readonly Option<string> _ciStyle = new Option<string>("--ci-style") { Description = "CI annotations on stderr: detect (default; TF_BUILD, GITHUB_ACTIONS), plain, azure or github.", DefaultValueFactory = _ => "detect" };
            private readonly Option<string?> _output = new Option<string?>("--output") { Description = "Write the report to this file instead of stdout." };
            private readonly Option<bool> _flipsOnly = new Option<bool>("--flips-only") { Description = "jsonl: only flipped results; text: also list each flip." };
            private readonly Option<bool> _summary = new Option<bool>("--summary") { Description = "Summary and groups only (no per-event flips)." };
            private readonly Option<bool> _strict = new Option<bool>("--strict") { Description = "Stop at the first record that cannot be read or replayed." };

            public void AddTo(Command cmd)
            {
                cmd.Options.Add(_since);
                cmd.Options.Add(_until);
                cmd.Options.Add(_eventType);
                cmd.Options.Add(_guard);
                cmd.Options.Add(_sampleRate);
                cmd.Options.Add(_seed);
                cmd.Options.Add(_format);
                cmd.Options.Add(_output);
                cmd.Options.Add(_failOn);
                cmd.Options.Add(_maxChanges);
                cmd.Options.Add(_maxChangeRate);
                cmd.Options.Add(_ciStyle);
                cmd.Options.Add(_flipsOnly);
                cmd.Options.Add(_summary);
                cmd.Options.Add(_strict);
            }

            public ReplayCommand Bind(ParseResult parse, ReplayCommand command)
            {
                command.Since = parse.GetValue(_since);
                command.Until = parse.GetValue(_until);
                command.EventTypes = parse.GetValue(_eventType);
                command.Guards = parse.GetValue(_guard);
                command.SampleRate = parse.GetValue(_sampleRate);
                command.Seed = parse.GetValue(_seed);
                command.Format = parse.GetValue(_format)!;
                command.Output = parse.GetValue(_output);
                command.FailOn = parse.GetValue(_failOn);
                command.MaxChanges = parse.GetValue(_maxChanges);
                command.MaxChangeRate = parse.GetValue(_maxChangeRate);
                command.CiStyle = parse.GetValue(_ciStyle)!;
                command.FlipsOnly = parse.GetValue(_flipsOnly);
                command.SummaryOnly = parse.GetValue(_summary);
                command.Strict = parse.GetValue(_strict);
                return command;
            }
        }
    }
}
