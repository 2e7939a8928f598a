using System.Management.Automation;
using PolicySim.Evaluation.Text;

namespace PolicySim.PowerShell
{
    /// <summary>
    /// Tells the user, once per session, when text cannot be canonicalized as the spec requires: PowerShell on a
    /// globalization-invariant .NET (some container images) cannot normalize Unicode, so text guards may decide
    /// differently from the reference (<see cref="UnicodeSupport"/>).
    /// </summary>
    internal static class UnicodeWarning
    {
        private static int _written;

        /// <summary>Writes the warning through <paramref name="cmdlet"/> if normalization is unavailable and it was not written yet.</summary>
        /// <param name="cmdlet">A cmdlet about to decide events.</param>
        public static void WriteOnce(Cmdlet cmdlet)
        {
            if (UnicodeSupport.Warning is string warning && System.Threading.Interlocked.Exchange(ref _written, 1) == 0)
            {
                cmdlet.WriteWarning(warning);
            }
        }
    }
}
