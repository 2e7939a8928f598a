using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using PolicySim.Evaluation;
using PolicySim.Evaluation.Guards;
using PolicySim.Evaluation.Matching;
using PolicySim.Events;
using PolicySim.Policies;

namespace PolicySim.Benchmarks
{
    /// <summary>
    /// Per-guard micro-benchmarks: each guard of a built-in policy over the actions it handles in a generated
    /// corpus (gen_events.py 5000 3), per action. Run: dotnet run -c Release --project bench/PolicySim.Benchmarks -- --filter *Guard*
    /// </summary>
    [MemoryDiagnoser]
    public class GuardBenchmarks
    {
        private IGuard _guard = null!;
        private PolicyAction[] _actions = Array.Empty<PolicyAction>();

        [Params("default", "strict", "ai-agent")]
        public string Policy { get; set; } = "default";

        [Params("forbidden_path", "egress_allowlist", "mcp_tool", "secret_leak", "patch_integrity", "prompt_injection", "jailbreak_detection")]
        public string Guard { get; set; } = "forbidden_path";

        [GlobalSetup]
        public void Setup()
        {
            PolicyDefinition policy = PolicyLoader.Load(Policy);
            _guard = policy.Evaluator.Guards.FirstOrDefault(g => g.Name == Guard) ?? new NoGuard();
            _actions = Corpus.Actions().Where(_guard.Handles).ToArray();
        }

        [Benchmark(OperationsPerInvoke = 1)]
        public int EvaluateAll()
        {
            int denied = 0;
            foreach (PolicyAction a in _actions)
            {
                denied += _guard.Evaluate(a).Allowed ? 0 : 1;
            }

            return denied;
        }

        private sealed class NoGuard : IGuard
        {
            public string Name => "none";

            public GuardStage Stage => GuardStage.Fast;

            public string ConfigKey => "none";

            public bool Handles(PolicyAction action) => false;

            public GuardResult Evaluate(PolicyAction action) => GuardResult.Allow("none");
        }
    }

    /// <summary>Matcher micro-benchmarks: path globs and host patterns, per match.</summary>
    [MemoryDiagnoser]
    public class MatcherBenchmarks
    {
        private readonly string[] _paths = { "/workspace/app/src/main.rs", "/home/alice/.ssh/id_rsa", "/workspace/app/.env", "/etc/passwd", "/workspace/app/node_modules/x/index.js" };
        private readonly string[] _hosts = { "api.openai.com", "evil.example", "files.pythonhosted.org", "a.b.s3.amazonaws.com", "10.0.0.7" };
        private PathGlob _pathGlob = null!;
        private DomainGlob _domainGlob = null!;

        [GlobalSetup]
        public void Setup()
        {
            PathGlob.TryCompile("**/.ssh/**", out PathGlob? p, out _);
            _pathGlob = p!;
            DomainGlob.TryCompile("*.amazonaws.com", out DomainGlob? d, out _);
            _domainGlob = d!;
        }

        [Benchmark]
        public int PathGlobMatch()
        {
            int n = 0;
            foreach (string s in _paths)
            {
                n += _pathGlob.IsMatch(s) ? 1 : 0;
            }

            return n;
        }

        [Benchmark]
        public int DomainGlobMatch()
        {
            int n = 0;
            foreach (string s in _hosts)
            {
                n += _domainGlob.IsMatch(s) ? 1 : 0;
            }

            return n;
        }
    }

    /// <summary>Parse and decide micro-benchmarks over the same corpus, per record.</summary>
    [MemoryDiagnoser]
    public class PipelineBenchmarks
    {
        private byte[][] _records = Array.Empty<byte[]>();
        private PolicyDefinition _policy = null!;

        [GlobalSetup]
        public void Setup()
        {
            _records = Corpus.Records();
            _policy = PolicyLoader.Load("default");
        }

        [Benchmark]
        public int Validate()
        {
            int n = 0;
            foreach (byte[] r in _records)
            {
                n += Serialization.SerdeJsonValidator.Validate(r) == null ? 1 : 0;
            }

            return n;
        }

        [Benchmark]
        public int Parse()
        {
            int n = 0;
            foreach (byte[] r in _records)
            {
                n += PolicyEventParser.ParseValidated(r).EventId.Length;
            }

            return n;
        }

        [Benchmark]
        public int ParseAndDecide()
        {
            int n = 0;
            foreach (byte[] r in _records)
            {
                n += (int)PolicyDecider.Decide(_policy, PolicyEventParser.ParseValidated(r)).Outcome;
            }

            return n;
        }
    }

    internal static class Corpus
    {
        public static byte[][] Records()
        {
            string path = Path.Combine(Path.GetTempPath(), "policysim-bench", "micro5000.jsonl");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("Generate it first: python3 bench/gen_events.py 5000 3 " + path, path);
            }

            return File.ReadAllLines(path).Select(l => System.Text.Encoding.UTF8.GetBytes(l)).ToArray();
        }

        public static List<PolicyAction> Actions()
        {
            var list = new List<PolicyAction>();
            foreach (byte[] r in Records())
            {
                try
                {
                    list.Add(PolicyEventMapper.Map(PolicyEventParser.ParseValidated(r)).Action);
                }
                catch (PolicyEventMappingException)
                {
                }
            }

            return list;
        }
    }
}
