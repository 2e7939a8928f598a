using System;
using System.Collections;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Text;
using PolicySim.Events;
using PolicySim.Replay;

namespace PolicySim.PowerShell.Commands
{
    /// <summary>
    /// What <c>Invoke-PolicyReplay</c> and <c>Compare-PolicyDecision</c> share: records from files (<c>-Path</c>,
    /// <c>-LiteralPath</c>) or the pipeline (<c>-InputObject</c>: lines, whole documents, hashtables, objects), the
    /// filters and sampling options, progress, and per-record errors. The replay itself is the engine's
    /// <see cref="ReplaySession"/>; derived cmdlets only decide what to emit.
    /// </summary>
    public abstract class ReplayCommandBase : PSCmdlet
    {
        /// <summary>The parameter set of <c>-Path</c>.</summary>
        public const string PathSet = "Path";

        /// <summary>The parameter set of <c>-LiteralPath</c>.</summary>
        public const string LiteralPathSet = "LiteralPath";

        /// <summary>The parameter set of <c>-InputObject</c>.</summary>
        public const string InputObjectSet = "InputObject";

        /// <summary>The source name of records that come from the pipeline.</summary>
        public const string PipelineSource = "pipeline";

        /// <summary>Progress is written at most this often (milliseconds).</summary>
        public const int ProgressIntervalMilliseconds = 250;

        private const int ProgressActivityId = 0x5051;

        private readonly Stopwatch _progressClock = new Stopwatch();
        private LineFragmentAssembler? _assembler;
        private long _objects;
        private bool _progressShown;
        private long _progressAt = -ProgressIntervalMilliseconds;

        /// <summary>Gets or sets the record files, taken exactly as written (no wildcards).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>Gets or sets records from the pipeline: lines or whole documents of JSON text, hashtables or objects.</summary>
        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [AllowEmptyString]
        [AllowNull]
        [AllowEmptyCollection]
        public object?[] InputObject { get; set; } = Array.Empty<object>();

        /// <summary>Gets or sets the inclusive lower bound of event times.</summary>
        [Parameter]
        public DateTimeOffset? Since { get; set; }

        /// <summary>Gets or sets the exclusive upper bound of event times.</summary>
        [Parameter]
        public DateTimeOffset? Until { get; set; }

        /// <summary>Gets or sets the event types to keep (exact).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? EventType { get; set; }

        /// <summary>Gets or sets the guards to keep: a result is kept when its baseline or candidate guard is one of them.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Guard { get; set; }

        /// <summary>Gets or sets the fraction of events to keep, 0 to 1 (default 1: all); the same events on every run for one seed.</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double SampleRate { get; set; } = 1.0;

        /// <summary>Gets or sets the sampling seed (default 0).</summary>
        [Parameter]
        public long Seed { get; set; }

        /// <summary>Gets or sets whether the first bad record stops the command with a terminating error.</summary>
        [Parameter]
        public SwitchParameter Strict { get; set; }

        /// <summary>Gets the session of this run (after <see cref="BeginProcessing"/>).</summary>
        protected ReplaySession Session { get; private set; } = null!;

        /// <summary>Gets the record files with wildcards (the derived cmdlet's <c>-Path</c>).</summary>
        protected abstract string[] WildcardPath { get; }

        /// <summary>Checks the switches and settles options; then starts the session.</summary>
        protected override void BeginProcessing()
        {
            UnicodeWarning.WriteOnce(this);
            if (Since is DateTimeOffset since && Until is DateTimeOffset until && since >= until)
            {
                Terminate(new ArgumentException("-Since (" + since.ToString("o", CultureInfo.InvariantCulture) + ") must be earlier than -Until (" + until.ToString("o", CultureInfo.InvariantCulture) + ")."), ErrorIds.InvalidTimeWindow, ErrorCategory.InvalidArgument, Until);
            }

            var options = new ReplayOptions
            {
                Since = Since,
                Until = Until,
                EventTypes = EventType,
                Guards = Guard,
                SampleRate = SampleRate,
                Seed = Seed,
                Strict = Strict.IsPresent,
            };
            Session = CreateSession(options);
            _progressClock.Start();
        }

        /// <summary>Replays the records of this pipeline item or of the bound files.</summary>
        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case InputObjectSet:
                    foreach (object? item in InputObject)
                    {
                        AddPipelineItem(item);
                    }

                    break;
                case LiteralPathSet:
                    foreach (string path in LiteralPath)
                    {
                        ReplayFile(SessionState.Path.GetUnresolvedProviderPathFromPSPath(path), path);
                    }

                    break;
                default:
                    foreach (string path in WildcardPath)
                    {
                        ReplayWildcard(path);
                    }

                    break;
            }
        }

        /// <summary>Ends pipeline text (an unclosed array is an error), clears progress and lets the cmdlet emit its totals.</summary>
        protected override void EndProcessing()
        {
            if (_assembler != null)
            {
                foreach (EventReadResult raw in _assembler.Complete())
                {
                    Add(raw, null);
                }
            }

            if (_progressShown)
            {
                WriteProgress(new ProgressRecord(ProgressActivityId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            }

            WriteVerbose(Session.Summary.ToString());
            Complete();
        }

        /// <summary>Creates the engine session for these options.</summary>
        /// <param name="options">Filters, sampling, strictness.</param>
        /// <returns>The session.</returns>
        protected abstract ReplaySession CreateSession(ReplayOptions options);

        /// <summary>Emits (or not) one result, as it is produced.</summary>
        /// <param name="result">The result.</param>
        protected abstract void OnResult(ReplayResult result);

        /// <summary>Emits totals after the last record.</summary>
        protected abstract void Complete();

        /// <summary>Stops the command with a terminating error (for unusable arguments).</summary>
        /// <param name="exception">What is wrong.</param>
        /// <param name="errorId">The stable id.</param>
        /// <param name="category">The category.</param>
        /// <param name="target">The offending argument.</param>
        protected void Terminate(Exception exception, string errorId, ErrorCategory category, object? target) =>
            ThrowTerminatingError(new ErrorRecord(exception, errorId, category, target));

        private string Activity => MyInvocation.MyCommand?.Name ?? "Replay";

        private static readonly EventStreamOptions DeferredValidation = new EventStreamOptions { DeferValidation = true };

        private static string Text(ReadOnlyMemory<byte> json) => Encoding.UTF8.GetString(json.ToArray());

        private void AddPipelineItem(object? item)
        {
            object? value = PSObjects.Base(item);
            if (value is null)
            {
                return;
            }

            if (value is FileInfo file)
            {
                // Get-ChildItem output binds here by value (before -Path by property name): read it as a file.
                ReplayFile(file.FullName, item!);
                return;
            }

            if (value is string text)
            {
                _assembler ??= new LineFragmentAssembler(PipelineSource);
                foreach (EventReadResult raw in _assembler.Push(text))
                {
                    Add(raw, raw.IsError ? text : null);
                }

                return;
            }

            _objects++;
            EventReadResult record;
            object? root = PSObjects.Unwrap(value);
            if (root is IDictionary)
            {
                string json = PolicyEventObjects.ToJson(value, PSObjects.Unwrap);
                record = new EventReadResult(new EventRecord(PipelineSource, _objects, Encoding.UTF8.GetBytes(json)));
            }
            else
            {
                string type = root?.GetType().FullName ?? "null";
                record = new EventReadResult(new EventReadError(PipelineSource, _objects, "invalid type: " + type + ", expected a JSON string, a hashtable or an object with the record's fields (pipeline object " + _objects.ToString(CultureInfo.InvariantCulture) + ")"));
            }

            Add(record, item);
        }

        private void ReplayWildcard(string path)
        {
            Collection<string> files;
            ProviderInfo provider;
            try
            {
                files = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
            }
            catch (ItemNotFoundException ex)
            {
                WriteError(new ErrorRecord(ex, ErrorIds.EventsPathNotFound, ErrorCategory.ObjectNotFound, path));
                return;
            }

            if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
            {
                var ex = new ArgumentException("'" + path + "' is a " + provider.Name + " path; records are read from the file system.");
                WriteError(new ErrorRecord(ex, ErrorIds.EventsNotAFileSystemPath, ErrorCategory.InvalidArgument, path));
                return;
            }

            if (files.Count == 0)
            {
                var ex = new ItemNotFoundException("No file matches '" + path + "'.");
                WriteError(new ErrorRecord(ex, ErrorIds.EventsPathNotFound, ErrorCategory.ObjectNotFound, path));
                return;
            }

            foreach (string file in files)
            {
                ReplayFile(file, file);
            }
        }

        private void ReplayFile(string fullPath, object target)
        {
            WriteVerbose("Replaying " + fullPath);
            FileStream stream;
            try
            {
                stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, FileOptions.SequentialScan);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                ErrorCategory category = ex is FileNotFoundException || ex is DirectoryNotFoundException ? ErrorCategory.ObjectNotFound : ErrorCategory.ReadError;
                WriteError(new ErrorRecord(ex, ErrorIds.EventsReadFailed, category, target));
                return;
            }

            using (stream)
            using (var counted = new ReadCountingStream(stream))
            {
                Session.BeginInput();
                long length = SafeLength(stream);

                // The session reads, parses and decides the file's records on every core (the reading runs ahead on
                // another thread, hence the byte count for progress); results come back here in input order.
                // Validation is deferred to the workers (same errors, same order): on the reading thread it made the
                // reader the bottleneck (engine work of a 200k-event comparison: 2.0 -> 1.4 s, bench/README.md).
                // Only an error needs its record's text (the error record's target), so the other records' bytes are
                // recycled instead of copied (a sixth of what the replay allocates).
                foreach (var pair in Session.AddInput(EventStreamReader.ReadAll(counted, fullPath, DeferredValidation), recordsOfErrorsOnly: true))
                {
                    Report(pair.Key, pair.Value, null);
                    Progress(fullPath, pair.Value.Line, counted.BytesRead, length);
                }
            }
        }

        private static long SafeLength(Stream stream)
        {
            try
            {
                return stream.Length;
            }
            catch (NotSupportedException)
            {
                return 0;
            }
        }

        private void Progress(string file, long records, long position, long length)
        {
            long now = _progressClock.ElapsedMilliseconds;
            if (now - _progressAt < ProgressIntervalMilliseconds)
            {
                return;
            }

            _progressAt = now;
            if (now < ProgressIntervalMilliseconds)
            {
                return; // short replays show no progress at all
            }

            _progressShown = true;
            var progress = new ProgressRecord(ProgressActivityId, Activity, string.Format(CultureInfo.InvariantCulture, "{0:N0} records, {1:N1} of {2:N1} MB", records, position / 1048576.0, length / 1048576.0))
            {
                CurrentOperation = file,
                PercentComplete = length > 0 ? (int)Math.Min(100, position * 100 / length) : -1,
            };
            WriteProgress(progress);
        }

        /// <summary>Replays one raw record and reports its item; <paramref name="target"/> is the pipeline item for errors (else the record text).</summary>
        private void Add(EventReadResult raw, object? target)
        {
            ReplayItem? item = Session.Add(raw);
            if (item != null)
            {
                Report(raw, item, target);
            }
        }

        private void Report(EventReadResult raw, ReplayItem item, object? target)
        {
            if (item.Error is ReplayError error)
            {
                object errorTarget = target ?? (raw.IsError ? (object)error.ToString() : Text(raw.Record.Json));
                ReportError(error, errorTarget);
                return;
            }

            OnResult(item.Result!);
        }

        private void ReportError(ReplayError error, object target)
        {
            ErrorCategory category = error.Kind switch
            {
                ReplayErrorKind.MissingOutcome or ReplayErrorKind.Unmatched => ErrorCategory.ObjectNotFound,
                _ => ErrorCategory.InvalidData,
            };
            var record = new ErrorRecord(new InvalidDataException(error.ToString()), error.ErrorId, category, target)
            {
                ErrorDetails = new ErrorDetails(error.ToString()),
            };
            if (Strict.IsPresent)
            {
                ThrowTerminatingError(record);
            }

            WriteError(record);
        }
    }
}
