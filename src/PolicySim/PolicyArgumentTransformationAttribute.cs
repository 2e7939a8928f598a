using System;
using System.IO;
using System.Management.Automation;
using PolicySim.Policies;

namespace PolicySim.PowerShell
{
    /// <summary>
    /// Lets every <c>-Policy</c> parameter take a loaded <see cref="PolicyDefinition"/>, a built-in ruleset name
    /// (<c>strict</c>, <c>clawdstrike:default</c>) or a path (relative to the PowerShell location; a
    /// <see cref="FileInfo"/> from <c>Get-Item</c> works too). A policy that cannot be loaded fails the binding with
    /// the loader's message, so the command never starts with an unusable policy.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class PolicyArgumentTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <summary>Turns names and paths into a loaded policy; passes anything else through for the binder to judge.</summary>
        /// <param name="engineIntrinsics">The engine (for the session's current location).</param>
        /// <param name="inputData">The argument.</param>
        /// <returns>A <see cref="PolicyDefinition"/>, or <paramref name="inputData"/> unchanged.</returns>
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            if (engineIntrinsics is null)
            {
                throw new ArgumentNullException(nameof(engineIntrinsics));
            }

            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            string? reference = value switch
            {
                string text => text,
                FileSystemInfo file => file.FullName,
                _ => null,
            };
            if (reference is null)
            {
                return inputData!;
            }

            try
            {
                return PolicyPaths.Load(reference, engineIntrinsics.SessionState);
            }
            catch (PolicyLoadException ex)
            {
                throw new ArgumentTransformationMetadataException(PolicyPaths.Describe(ex), ex);
            }
        }
    }
}
