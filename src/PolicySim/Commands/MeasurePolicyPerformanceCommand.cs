using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Management.Automation;
using PolicySim.Evaluation;
using PolicySim.Events;
using PolicySim.Policies;

namespace PolicySim.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Benchmarks a policy on recorded events: latency percentiles per event and per guard, throughput, slowest events.</para>
    /// <para type="description">
    /// Decides every event of the given files under the policy, one at a time on one thread, timing each decision and
    /// each guard. Emits one PolicyBenchmarkResult with p50/p90/p95/p99/max latency (microseconds), events per second,
    /// the slowest events with the reason they are slow, and recommendations.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "PolicyPerformance", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(PolicyBenchmarkResult))]
    public sealed class MeasurePolicyPerformanceCommand : PSCmdlet
    {
        /// <summary>The parameter set of <c>-Path</c>.</summary>
        public const string PathSet = "Path";

        /// <summary>The parameter set of <c>-LiteralPath</c>.</summary>
        public const string LiteralPathSet = "LiteralPath";

        private readonly List<string> _files = new List<string>();

        /// <summary>Gets or sets the policy: a PolicyDefinition, a policy file path or a built-in ruleset name.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [PolicyArgumentTransformation]
        [ArgumentCompleter(typeof(BuiltInRulesetCompleter))]
        [ValidateNotNull]
        public PolicyDefinition Policy { get; set; } = null!;

        /// <summary>Gets or sets the event files (JSONL or JSON arrays); wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Gets or sets the event files, taken literally.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>Gets or sets how many of the slowest events to report (default 10).</summary>
        [Parameter]
        [ValidateRange(0, 1000)]
        public int Slowest { get; set; } = 10;

        /// <summary>Gets or sets how many events to decide first, untimed, so JIT compilation does not count (default 200).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int Warmup { get; set; } = 200;

        /// <summary>Warns once per session when text guards cannot canonicalize text (globalization-invariant .NET).</summary>
        protected override void BeginProcessing() => UnicodeWarning.WriteOnce(this);

        /// <summary>Resolves the files of this pipeline item.</summary>
        protected override void ProcessRecord()
        {
            if (ParameterSetName == LiteralPathSet)
            {
                foreach (string path in LiteralPath)
                {
                    _files.Add(SessionState.Path.GetUnresolvedProviderPathFromPSPath(path));
                }

                return;
            }

            foreach (string path in Path)
            {
                try
                {
                    Collection<string> files = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out ProviderInfo provider);
                    if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
                    {
                        var ex = new ArgumentException("'" + path + "' is a " + provider.Name + " path; events are read from the file system.");
                        WriteError(new ErrorRecord(ex, ErrorIds.EventsNotAFileSystemPath, ErrorCategory.InvalidArgument, path));
                        continue;
                    }

                    _files.AddRange(files);
                }
                catch (ItemNotFoundException ex)
                {
                    WriteError(new ErrorRecord(ex, ErrorIds.EventsPathNotFound, ErrorCategory.ObjectNotFound, path));
                }
            }
        }

        /// <summary>Measures all the files' events together.</summary>
        protected override void EndProcessing()
        {
            if (_files.Count == 0)
            {
                return;
            }

            var streams = new List<Stream>();
            try
            {
                foreach (string file in _files)
                {
                    try
                    {
                        streams.Add(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, FileOptions.SequentialScan));
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                    {
                        WriteError(new ErrorRecord(ex, ErrorIds.EventsReadFailed, ErrorCategory.ReadError, file));
                    }
                }

                WriteVerbose("Measuring " + Policy + " on " + streams.Count + " file(s)");
                PolicyBenchmarkResult result = PolicyBenchmark.Measure(Policy, Records(streams), Slowest, Warmup);
                if (result.Errors > 0)
                {
                    WriteWarning(result.Errors + " record(s) could not be decided and were not measured.");
                }

                WriteObject(result);
            }
            finally
            {
                foreach (Stream s in streams)
                {
                    s.Dispose();
                }
            }
        }

        private static IEnumerable<EventReadResult> Records(List<Stream> streams)
        {
            foreach (Stream s in streams)
            {
                string source = s is FileStream f ? f.Name : "-";
                foreach (EventReadResult r in EventStreamReader.ReadAll(s, source))
                {
                    yield return r;
                }
            }
        }
    }
}
