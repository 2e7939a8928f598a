using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using PolicySim.Policies;

namespace PolicySim.PowerShell
{
    /// <summary>Tab completion of the built-in ruleset names (<c>default</c>, <c>strict</c>, ...) for <c>-Name</c> and <c>-Policy</c>.</summary>
    public sealed class BuiltInRulesetCompleter : IArgumentCompleter
    {
        /// <summary>Returns the built-in names that start with what was typed (ignoring case and quotes).</summary>
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
            foreach (string name in PolicyLoader.BuiltInRulesetNames)
            {
                if (name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                {
                    results.Add(new CompletionResult(name, name, CompletionResultType.ParameterValue, "Built-in ruleset " + name));
                }
            }

            return results;
        }
    }
}
