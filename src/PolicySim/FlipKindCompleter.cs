using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using PolicySim.Reports;

namespace PolicySim.PowerShell
{
    /// <summary>Tab completion of <c>-FailOn</c>: the words <c>breaking</c>, <c>widening</c>, <c>changed</c>, <c>unknown</c>, <c>any</c> and the flip kinds.</summary>
    public sealed class FlipKindCompleter : IArgumentCompleter
    {
        /// <summary>Returns the names that start with what was typed (ignoring case and quotes).</summary>
        /// <param name="commandName">The command being completed.</param>
        /// <param name="parameterName">The parameter being completed.</param>
        /// <param name="wordToComplete">What was typed so far.</param>
        /// <param name="commandAst">The command's syntax tree.</param>
        /// <param name="fakeBoundParameters">The parameters bound so far.</param>
        /// <returns>The completions.</returns>
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var results = new List<CompletionResult>();
            foreach (string name in FlipKindNames.All)
            {
                if (name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                {
                    results.Add(new CompletionResult(name, name, CompletionResultType.ParameterValue, FlipKindNames.Describe(name) ?? name));
                }
            }

            return results;
        }
    }
}
