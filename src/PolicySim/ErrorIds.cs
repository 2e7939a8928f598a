namespace PolicySim.PowerShell
{
    /// <summary>The stable error ids the cmdlets write (<c>PolicySim.&lt;Area&gt;.&lt;Reason&gt;</c>).</summary>
    internal static class ErrorIds
    {
        /// <summary>The policy text is invalid (YAML, schema or validation errors).</summary>
        public const string InvalidPolicy = "PolicySim.Policy.InvalidPolicy";

        /// <summary>The policy file could not be read.</summary>
        public const string LoadFailed = "PolicySim.Policy.LoadFailed";

        /// <summary>A path or wildcard matched no file.</summary>
        public const string PathNotFound = "PolicySim.Policy.PathNotFound";

        /// <summary>A path is not on the file system.</summary>
        public const string NotAFileSystemPath = "PolicySim.Policy.NotAFileSystemPath";

        /// <summary>A name is not a built-in ruleset.</summary>
        public const string UnknownRuleset = "PolicySim.Policy.UnknownRuleset";

        /// <summary>An events path or wildcard matched no file.</summary>
        public const string EventsPathNotFound = "PolicySim.Replay.PathNotFound";

        /// <summary>An events path is not on the file system.</summary>
        public const string EventsNotAFileSystemPath = "PolicySim.Replay.NotAFileSystemPath";

        /// <summary>An events file could not be read.</summary>
        public const string EventsReadFailed = "PolicySim.Replay.ReadFailed";

        /// <summary>Switches that cannot be used together.</summary>
        public const string ConflictingSwitches = "PolicySim.Replay.ConflictingSwitches";

        /// <summary>-Since is not before -Until.</summary>
        public const string InvalidTimeWindow = "PolicySim.Replay.InvalidTimeWindow";

        /// <summary>An input format the cmdlet cannot read on its own.</summary>
        public const string UnsupportedFormat = "PolicySim.Replay.UnsupportedFormat";

        /// <summary>A pipeline object Measure-PolicyDecision cannot measure.</summary>
        public const string UnsupportedMeasureInput = "PolicySim.Measure.UnsupportedInput";

        /// <summary>A failed CI gate (Assert-PolicyChange).</summary>
        public const string GateFailed = "PolicySim.Gate.Failed";

        /// <summary>A -FailOn word that is not a flip kind.</summary>
        public const string InvalidFailOn = "PolicySim.Gate.InvalidFailOn";

        /// <summary>A -MaxChangeRate that is not a fraction or percent.</summary>
        public const string InvalidChangeRate = "PolicySim.Gate.InvalidChangeRate";

        /// <summary>A pipeline object that is neither a ReplaySummary nor a ReplayResult (Assert-PolicyChange, Export-PolicyReport).</summary>
        public const string UnsupportedReportInput = "PolicySim.Report.UnsupportedInput";

        /// <summary>No -Format given and the -Path extension names no single format.</summary>
        public const string UnknownReportFormat = "PolicySim.Report.UnknownFormat";

        /// <summary>-NoClobber and the report file exists.</summary>
        public const string ReportFileExists = "PolicySim.Report.FileExists";

        /// <summary>The report file could not be written.</summary>
        public const string ReportWriteFailed = "PolicySim.Report.WriteFailed";

        /// <summary>The report path is not on the file system.</summary>
        public const string ReportNotAFileSystemPath = "PolicySim.Report.NotAFileSystemPath";
    }
}
