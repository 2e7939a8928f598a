using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;

namespace PolicySim.HelpGen
{
    /// <summary>
    /// Reads cmdlet help markdown in the platyPS layout (<c># Name</c>, <c>## SYNOPSIS</c>, <c>## SYNTAX</c> with one
    /// <c>### Set</c> per parameter set, <c>## DESCRIPTION</c>, <c>## EXAMPLES</c>, <c>## PARAMETERS</c> with a yaml block
    /// per parameter, <c>## INPUTS</c>, <c>## OUTPUTS</c>, <c>## NOTES</c>, <c>## RELATED LINKS</c>) and writes MAML,
    /// the XML that <c>Get-Help</c> reads from <c>en-US/&lt;Assembly&gt;.dll-Help.xml</c>.
    /// </summary>
    public static class MamlConverter
    {
        /// <summary>The MAML root namespace.</summary>
        public static readonly XNamespace Msh = "http://msh";

        /// <summary>The MAML namespace.</summary>
        public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";

        /// <summary>The MAML command namespace.</summary>
        public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";

        /// <summary>The MAML dev namespace.</summary>
        public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        /// <summary>Reads every <c>*.md</c> of a folder, in name order.</summary>
        /// <param name="directory">The folder.</param>
        /// <returns>The commands.</returns>
        public static List<CommandHelp> ReadDirectory(string directory) =>
            Directory.GetFiles(directory, "*.md").OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => Parse(File.ReadAllText(f), Path.GetFileName(f))).ToList();

        /// <summary>Parses one markdown file.</summary>
        /// <param name="markdown">The text.</param>
        /// <param name="source">The file name for messages.</param>
        /// <returns>The command help.</returns>
        /// <exception cref="FormatException">A required section is missing or malformed.</exception>
        public static CommandHelp Parse(string markdown, string source)
        {
            var help = new CommandHelp();
            string[] lines = markdown.Replace("\r\n", "\n").Split('\n');
            int i = 0;
            if (i < lines.Length && lines[i] == "---")
            {
                i++;
                while (i < lines.Length && lines[i] != "---")
                {
                    i++;
                }

                i++;
            }

            string section = string.Empty;
            string sub = string.Empty;
            var paragraph = new List<string>();
            ExampleHelp? example = null;
            ParameterHelp? parameter = null;
            (string Type, string Description)? io = null;
            List<(string, string)>? ioList = null;

            void Flush()
            {
                if (paragraph.Count == 0)
                {
                    return;
                }

                string text = string.Join(" ", paragraph).Trim();
                paragraph.Clear();
                if (text.Length == 0)
                {
                    return;
                }

                switch (section)
                {
                    case "SYNOPSIS":
                        help.Synopsis = (help.Synopsis + " " + text).Trim();
                        break;
                    case "DESCRIPTION":
                        help.Description.Add(text);
                        break;
                    case "EXAMPLES" when example != null:
                        example.Remarks.Add(text);
                        break;
                    case "PARAMETERS" when parameter != null:
                        parameter.Description = (parameter.Description + " " + text).Trim();
                        break;
                    case "INPUTS" or "OUTPUTS" when io != null:
                        io = (io.Value.Type, (io.Value.Description + " " + text).Trim());
                        ioList![ioList.Count - 1] = io.Value;
                        break;
                    case "NOTES":
                        help.Notes.Add(text);
                        break;
                }
            }

            for (; i < lines.Length; i++)
            {
                string line = lines[i];
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    Flush();
                    var code = new List<string>();
                    for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
                    {
                        code.Add(lines[i]);
                    }

                    if (i >= lines.Length)
                    {
                        throw new FormatException(source + ": unterminated code block");
                    }

                    if (section == "EXAMPLES" && example != null)
                    {
                        example.Code = string.Join("\n", code);
                    }
                    else if (section == "PARAMETERS" && parameter != null)
                    {
                        ReadParameterYaml(parameter, code, source);
                    }

                    continue;
                }

                if (line.StartsWith("# ", StringComparison.Ordinal))
                {
                    Flush();
                    help.Name = line.Substring(2).Trim();
                    continue;
                }

                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    Flush();
                    section = line.Substring(3).Trim();
                    sub = string.Empty;
                    example = null;
                    parameter = null;
                    io = null;
                    continue;
                }

                if (line.StartsWith("### ", StringComparison.Ordinal))
                {
                    Flush();
                    sub = line.Substring(4).Trim();
                    switch (section)
                    {
                        case "SYNTAX":
                            bool isDefault = sub.EndsWith("(Default)", StringComparison.Ordinal);
                            help.ParameterSets.Add((isDefault ? sub.Substring(0, sub.Length - "(Default)".Length).Trim() : sub, isDefault));
                            break;
                        case "EXAMPLES":
                            example = new ExampleHelp { Title = sub };
                            help.Examples.Add(example);
                            break;
                        case "PARAMETERS":
                            parameter = null;
                            if (sub.StartsWith('-'))
                            {
                                parameter = new ParameterHelp { Name = sub.Substring(1) };
                                help.Parameters.Add(parameter);
                            }

                            break;
                        case "INPUTS":
                        case "OUTPUTS":
                            ioList = section == "INPUTS" ? help.Inputs : help.Outputs;
                            io = (sub, string.Empty);
                            ioList.Add(io.Value);
                            break;
                    }

                    continue;
                }

                if (section == "RELATED LINKS" && line.StartsWith('['))
                {
                    int close = line.IndexOf("](", StringComparison.Ordinal);
                    if (close > 0 && line.EndsWith(')'))
                    {
                        string uri = line.Substring(close + 2, line.Length - close - 3);
                        help.Links.Add((line.Substring(1, close - 1), uri.EndsWith(".md", StringComparison.Ordinal) ? string.Empty : uri));
                    }

                    continue;
                }

                if (line.Trim().Length == 0)
                {
                    Flush();
                }
                else
                {
                    paragraph.Add(line.Trim());
                }
            }

            Flush();
            Check(help, source);
            return help;
        }

        /// <summary>Writes the MAML document for the commands.</summary>
        /// <param name="commands">The commands.</param>
        /// <returns>The document.</returns>
        public static XDocument ToMaml(IEnumerable<CommandHelp> commands)
        {
            var root = new XElement(
                Msh + "helpItems",
                new XAttribute("schema", "maml"),
                new XAttribute(XNamespace.Xmlns + "maml", Maml),
                new XAttribute(XNamespace.Xmlns + "command", Command),
                new XAttribute(XNamespace.Xmlns + "dev", Dev));
            foreach (CommandHelp help in commands)
            {
                root.Add(CommandElement(help));
            }

            return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
        }

        private static XElement CommandElement(CommandHelp help)
        {
            int dash = help.Name.IndexOf('-', StringComparison.Ordinal);
            var syntax = new XElement(Command + "syntax");
            foreach (var (set, _) in help.ParameterSets)
            {
                var item = new XElement(Command + "syntaxItem", new XElement(Maml + "name", help.Name));
                foreach (ParameterHelp p in help.Parameters.Where(p => p.InSet(set)))
                {
                    item.Add(ParameterElement(p));
                }

                syntax.Add(item);
            }

            return new XElement(
                Command + "command",
                new XElement(
                    Command + "details",
                    new XElement(Command + "name", help.Name),
                    new XElement(Command + "verb", help.Name.Substring(0, dash)),
                    new XElement(Command + "noun", help.Name.Substring(dash + 1)),
                    Description(help.Synopsis)),
                Description(help.Description.ToArray()),
                syntax,
                new XElement(Command + "parameters", help.Parameters.Select(ParameterElement)),
                new XElement(Command + "inputTypes", help.Inputs.Select(t => new XElement(Command + "inputType", TypeElement(t.Type), Description(t.Description)))),
                new XElement(Command + "returnValues", help.Outputs.Select(t => new XElement(Command + "returnValue", TypeElement(t.Type), Description(t.Description)))),
                new XElement(Maml + "alertSet", new XElement(Maml + "alert", help.Notes.Select(n => new XElement(Maml + "para", n)))),
                new XElement(
                    Command + "examples",
                    help.Examples.Select(e => new XElement(
                        Command + "example",
                        new XElement(Maml + "title", "-------------------------- " + e.Title + " --------------------------"),
                        new XElement(Dev + "code", e.Code),
                        new XElement(Dev + "remarks", e.Remarks.Select(r => new XElement(Maml + "para", r)))))),
                new XElement(
                    Command + "relatedLinks",
                    help.Links.Select(l => new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", l.Text), new XElement(Maml + "uri", l.Uri)))));
        }

        private static XElement ParameterElement(ParameterHelp p)
        {
            bool isSwitch = p.Type == "SwitchParameter";
            var element = new XElement(
                Command + "parameter",
                new XAttribute("required", p.Required ? "true" : "false"),
                new XAttribute("variableLength", "true"),
                new XAttribute("globbing", p.Wildcards ? "true" : "false"),
                new XAttribute("pipelineInput", p.PipelineInput),
                new XAttribute("position", p.Position == "Named" ? "named" : p.Position),
                new XAttribute("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases)),
                new XElement(Maml + "name", p.Name),
                Description(p.Description));
            if (!isSwitch)
            {
                element.Add(new XElement(Command + "parameterValue", new XAttribute("required", "true"), new XAttribute("variableLength", "false"), p.Type));
            }

            element.Add(TypeElement(p.Type), new XElement(Dev + "defaultValue", p.DefaultValue));
            return element;
        }

        private static XElement TypeElement(string type) => new XElement(Dev + "type", new XElement(Maml + "name", type), new XElement(Maml + "uri"));

        private static XElement Description(params string[] paragraphs) =>
            new XElement(Maml + "description", paragraphs.Where(p => p.Length > 0).Select(p => new XElement(Maml + "para", p)));

        private static void ReadParameterYaml(ParameterHelp parameter, List<string> yaml, string source)
        {
            foreach (string line in yaml)
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0)
                {
                    continue;
                }

                string key = line.Substring(0, colon).Trim();
                string value = line.Substring(colon + 1).Trim();
                switch (key)
                {
                    case "Type":
                        parameter.Type = value;
                        break;
                    case "Parameter Sets":
                        parameter.ParameterSets.AddRange(SplitList(value));
                        break;
                    case "Aliases":
                        parameter.Aliases.AddRange(SplitList(value));
                        break;
                    case "Required":
                        parameter.Required = Bool(value, source, parameter.Name, key);
                        break;
                    case "Position":
                        parameter.Position = value;
                        break;
                    case "Default value":
                        parameter.DefaultValue = value;
                        break;
                    case "Accept pipeline input":
                        parameter.PipelineInput = value;
                        break;
                    case "Accept wildcard characters":
                        parameter.Wildcards = Bool(value, source, parameter.Name, key);
                        break;
                }
            }
        }

        private static IEnumerable<string> SplitList(string value) =>
            value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0);

        private static bool Bool(string value, string source, string parameter, string key) => value switch
        {
            "True" => true,
            "False" => false,
            _ => throw new FormatException(source + ": -" + parameter + ": " + key + " must be True or False, not '" + value + "'"),
        };

        private static void Check(CommandHelp help, string source)
        {
            var problems = new StringBuilder();
            if (help.Name.IndexOf('-', StringComparison.Ordinal) <= 0)
            {
                problems.Append("; the title must be the cmdlet name (Verb-Noun)");
            }

            if (help.Synopsis.Length == 0)
            {
                problems.Append("; no SYNOPSIS");
            }

            if (help.Description.Count == 0)
            {
                problems.Append("; no DESCRIPTION");
            }

            if (help.ParameterSets.Count == 0)
            {
                problems.Append("; no SYNTAX parameter sets");
            }

            foreach (ExampleHelp example in help.Examples.Where(e => e.Code.Length == 0))
            {
                problems.Append("; example '").Append(example.Title).Append("' has no code");
            }

            foreach (ParameterHelp p in help.Parameters.Where(p => p.Type.Length == 0 || p.ParameterSets.Count == 0 || p.Description.Length == 0))
            {
                problems.Append("; parameter -").Append(p.Name).Append(" lacks a description, Type or Parameter Sets");
            }

            if (problems.Length > 0)
            {
                throw new FormatException(source + problems.ToString());
            }
        }
    }
}
