using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using PolicySim.Cli.Commands;

namespace PolicySim.Cli
{
    /// <summary>Entry point of the <c>policysim</c> command.</summary>
    public static class Program
    {
        /// <summary>Runs the command line and returns its exit code.</summary>
        /// <param name="args">The arguments.</param>
        /// <returns>The exit code (see docs/cli.md).</returns>
        public static int Main(string[] args)
        {
            var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false, NewLine = "\n" };
            var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
            try
            {
                var console = new CliConsole(Console.OpenStandardInput, stdout, stderr, Directory.GetCurrentDirectory())
                {
                    StdinIsTerminal = !Console.IsInputRedirected,
                };
                return Run(args, console);
            }
            finally
            {
                stdout.Flush();
            }
        }

        /// <summary>The commands that decide events (and so canonicalize untrusted text); diff and merge do not.</summary>
        private static readonly string[] DecidingCommands = { "simulate", "eval", "replay", "compare", "impact", "bench" };

        internal static int Run(string[] args, CliConsole console)
        {
            RootCommand root = BuildCommands(console);
            ParseResult parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors)
                {
                    console.Error.WriteLine("Error: " + error.Message);
                }

                console.Error.WriteLine("Run 'policysim --help' for usage.");
                return ExitCodes.Usage;
            }

            if (DecidingCommands.Contains(parse.CommandResult.Command.Name) && console.UnicodeWarning() is string warning)
            {
                console.Error.WriteLine("warning: " + warning);
            }

            var config = new InvocationConfiguration { Output = console.Out, Error = console.Error };
            return parse.Invoke(config);
        }

        private static RootCommand BuildCommands(CliConsole console)
        {
            var root = new RootCommand("policysim: replay, compare and test AI-agent guardrail policies before you ship them.");
            root.Subcommands.Add(Simulate(console));
            root.Subcommands.Add(Eval(console));
            root.Subcommands.Add(ReplayCommands.Replay(console));
            root.Subcommands.Add(ReplayCommands.Compare(console));
            root.Subcommands.Add(ReplayCommands.Impact(console));
            root.Subcommands.Add(ReplayCommands.Merge(console));
            root.Subcommands.Add(Diff(console));
            root.Subcommands.Add(BenchCommand.Build(console));
            return root;
        }

        private static Argument<string> PolicyArg() => new Argument<string>("policy")
        {
            Description = "A policy file path or a built-in ruleset name (default, strict, ai-agent, cicd, permissive; optionally 'clawdstrike:'-prefixed).",
        };

        private static Option<bool> ResolveOption() => new Option<bool>("--resolve")
        {
            Description = "Accepted for compatibility; PolicySim always resolves 'extends'.",
        };

        private static Command Simulate(CliConsole console)
        {
            var policy = PolicyArg();
            var events = new Argument<string?>("events") { Description = "PolicyEvent JSONL or JSON array file, or '-' for stdin (the default).", Arity = ArgumentArity.ZeroOrOne };
            var json = new Option<bool>("--json") { Description = "Print one JSON report (pretty-printed) on stdout." };
            var jsonl = new Option<bool>("--jsonl") { Description = "Print one compact JSON result per event as it is decided." };
            var summary = new Option<bool>("--summary") { Description = "With --json: leave the per-event results out." };
            var failOnDeny = new Option<bool>("--fail-on-deny") { Description = "Exit 2 when any event is blocked (the default)." };
            var noFailOnDeny = new Option<bool>("--no-fail-on-deny") { Description = "Exit 0 whatever the outcomes." };
            var benchmark = new Option<bool>("--benchmark") { Description = "Print throughput on stderr." };
            var strict = new Option<bool>("--strict") { Description = "Stop at the first record that cannot be read or mapped." };
            var resolve = ResolveOption();
            var trackPosture = new Option<bool>("--track-posture") { Description = "Thread posture state (capabilities, budgets, transitions) through the events, per session, in order." };
            var cmd = new Command("simulate", "Decide every event of a log under a policy.")
            {
                policy, events, json, jsonl, summary, failOnDeny, noFailOnDeny, benchmark, strict, resolve, trackPosture,
            };
            cmd.SetAction(parse => new SimulateCommand
            {
                Policy = parse.GetValue(policy)!,
                Events = parse.GetValue(events),
                Json = parse.GetValue(json),
                Jsonl = parse.GetValue(jsonl),
                SummaryOnly = parse.GetValue(summary),
                FailOnDeny = !parse.GetValue(noFailOnDeny),
                Benchmark = parse.GetValue(benchmark),
                Strict = parse.GetValue(strict),
                TrackPosture = parse.GetValue(trackPosture),
            }.Run(console));
            return cmd;
        }

        private static Command Diff(CliConsole console)
        {
            var left = new Argument<string>("left") { Description = "The old policy (file or built-in ruleset)." };
            var right = new Argument<string>("right") { Description = "The new policy (file or built-in ruleset)." };
            var json = new Option<bool>("--json") { Description = "Print the changes as a JSON array of {path, kind, old, new}." };
            var rules = new Option<bool>("--rules") { Description = "Also list rules added and removed, with the file and line they were written on." };
            var cmd = new Command("diff", "Show the structural difference of two resolved policies.") { left, right, json, rules, ResolveOption() };
            cmd.SetAction(parse => new DiffCommand
            {
                Left = parse.GetValue(left)!,
                Right = parse.GetValue(right)!,
                Json = parse.GetValue(json),
                Rules = parse.GetValue(rules),
            }.Run(console));
            return cmd;
        }

        private static Command Eval(CliConsole console)
        {
            var policy = PolicyArg();
            var ev = new Argument<string>("event") { Description = "A file holding one PolicyEvent JSON object, or '-' for stdin." };
            var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
            var cmd = new Command("eval", "Decide a single event.") { policy, ev, json, ResolveOption() };
            cmd.SetAction(parse => new EvalCommand
            {
                Policy = parse.GetValue(policy)!,
                Event = parse.GetValue(ev)!,
                Json = parse.GetValue(json),
            }.Run(console));
            return cmd;
        }
    }
}
