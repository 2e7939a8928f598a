using System;
using System.Collections.Specialized;
using System.Management.Automation;

namespace PolicySim.PowerShell
{
    /// <summary>Unwrapping of PowerShell's wrapper objects for the engine.</summary>
    internal static class PSObjects
    {
        /// <summary>The base object of a <see cref="PSObject"/>, except that a <c>PSCustomObject</c> stays wrapped (its properties live on the wrapper).</summary>
        public static object? Base(object? item) => item is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : item;

        /// <summary>The engine's object-writer adapter: a PSCustomObject becomes a dictionary of its properties, any other wrapper its base object.</summary>
        public static object? Unwrap(object value)
        {
            if (value is not PSObject wrapped)
            {
                return value;
            }

            if (wrapped.BaseObject is not PSCustomObject)
            {
                return wrapped.BaseObject;
            }

            var properties = new OrderedDictionary(StringComparer.Ordinal);
            foreach (PSPropertyInfo property in wrapped.Properties)
            {
                properties[property.Name] = property.Value;
            }

            return properties;
        }
    }
}
