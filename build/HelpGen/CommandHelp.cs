using System.Collections.Generic;

namespace PolicySim.HelpGen
{
    /// <summary>The help of one cmdlet as read from its markdown file.</summary>
    public sealed class CommandHelp
    {
        /// <summary>Gets or sets the cmdlet name, e.g. <c>Test-PolicyEvent</c>.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>Gets or sets the one-line synopsis.</summary>
        public string Synopsis { get; set; } = string.Empty;

        /// <summary>Gets the description paragraphs.</summary>
        public List<string> Description { get; } = new List<string>();

        /// <summary>Gets the syntax parameter sets in order: name and whether it is the default.</summary>
        public List<(string Name, bool IsDefault)> ParameterSets { get; } = new List<(string, bool)>();

        /// <summary>Gets the examples.</summary>
        public List<ExampleHelp> Examples { get; } = new List<ExampleHelp>();

        /// <summary>Gets the parameters (without CommonParameters).</summary>
        public List<ParameterHelp> Parameters { get; } = new List<ParameterHelp>();

        /// <summary>Gets the input types and their descriptions.</summary>
        public List<(string Type, string Description)> Inputs { get; } = new List<(string, string)>();

        /// <summary>Gets the output types and their descriptions.</summary>
        public List<(string Type, string Description)> Outputs { get; } = new List<(string, string)>();

        /// <summary>Gets the notes paragraphs.</summary>
        public List<string> Notes { get; } = new List<string>();

        /// <summary>Gets the related links: text and uri.</summary>
        public List<(string Text, string Uri)> Links { get; } = new List<(string, string)>();
    }

    /// <summary>One example: title, code and remarks.</summary>
    public sealed class ExampleHelp
    {
        /// <summary>Gets or sets the title, e.g. <c>Example 1: Load a policy file</c>.</summary>
        public string Title { get; set; } = string.Empty;

        /// <summary>Gets or sets the code.</summary>
        public string Code { get; set; } = string.Empty;

        /// <summary>Gets the remarks paragraphs.</summary>
        public List<string> Remarks { get; } = new List<string>();
    }

    /// <summary>One parameter with the metadata of its yaml block.</summary>
    public sealed class ParameterHelp
    {
        /// <summary>Gets or sets the name without the dash.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>Gets or sets the description.</summary>
        public string Description { get; set; } = string.Empty;

        /// <summary>Gets or sets the type name, e.g. <c>String[]</c>.</summary>
        public string Type { get; set; } = string.Empty;

        /// <summary>Gets the parameter sets, or <c>(All)</c>.</summary>
        public List<string> ParameterSets { get; } = new List<string>();

        /// <summary>Gets the aliases.</summary>
        public List<string> Aliases { get; } = new List<string>();

        /// <summary>Gets or sets whether the parameter is mandatory.</summary>
        public bool Required { get; set; }

        /// <summary>Gets or sets the position, or <c>Named</c>.</summary>
        public string Position { get; set; } = "Named";

        /// <summary>Gets or sets the default value text.</summary>
        public string DefaultValue { get; set; } = "None";

        /// <summary>Gets or sets the pipeline input text, e.g. <c>True (ByValue)</c> or <c>False</c>.</summary>
        public string PipelineInput { get; set; } = "False";

        /// <summary>Gets or sets whether wildcards are accepted.</summary>
        public bool Wildcards { get; set; }

        /// <summary>Gets whether the parameter is in <paramref name="setName"/>.</summary>
        /// <param name="setName">The parameter set.</param>
        /// <returns>True when listed or when the parameter is in all sets.</returns>
        public bool InSet(string setName) => ParameterSets.Contains("(All)") || ParameterSets.Contains(setName);
    }
}
