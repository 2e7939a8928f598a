using System.IO;
using System.Text;
using System.Xml;

namespace PolicySim.Reports
{
    /// <summary>An XML writer for the JUnit and NUnit reports: UTF-8 declaration, two-space indent, <c>\n</c> line ends, invalid characters replaced.</summary>
    internal static class XmlReport
    {
        public static XmlWriter Create(StringBuilder sb)
        {
            sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
            var settings = new XmlWriterSettings
            {
                OmitXmlDeclaration = true,
                Indent = true,
                IndentChars = "  ",
                NewLineChars = "\n",
                NewLineHandling = NewLineHandling.Entitize,
                ConformanceLevel = ConformanceLevel.Document,
            };
            return XmlWriter.Create(new StringWriter(sb), settings);
        }

        public static void Attribute(XmlWriter w, string name, string? value) => w.WriteAttributeString(name, ReportText.XmlClean(value));

        public static void Attribute(XmlWriter w, string name, long value) => w.WriteAttributeString(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public static void Element(XmlWriter w, string name, string? text)
        {
            w.WriteStartElement(name);
            w.WriteString(ReportText.XmlClean(text));
            w.WriteEndElement();
        }
    }
}
