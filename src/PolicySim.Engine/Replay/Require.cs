using System;

namespace PolicySim.Replay
{
    /// <summary>Argument checks that compile the same on netstandard2.0 and modern targets.</summary>
    internal static class Require
    {
        public static void NotNull(object? value, string name)
        {
            if (value is null)
            {
                throw new ArgumentNullException(name);
            }
        }
    }
}
