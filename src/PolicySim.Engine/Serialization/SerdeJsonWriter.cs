// TEMPORARY stand-in until the helper-events branch lands.
using System.Text;
using System.Text.Json;

namespace PolicySim.Serialization
{
    internal sealed class SerdeJsonWriter
    {
        public static long CompactUtf8Size(JsonElement element)
        {
            var options = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            using var ms = new System.IO.MemoryStream();
            using (var w = new Utf8JsonWriter(ms, options))
            {
                element.WriteTo(w);
            }

            return Encoding.UTF8.GetString(ms.ToArray()).Length;
        }
    }
}
