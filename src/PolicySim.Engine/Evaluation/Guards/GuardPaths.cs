using System;

namespace PolicySim.Evaluation.Guards
{
    /// <summary>The path of a file action, as the event gave it.</summary>
    internal static class GuardPaths
    {
        public static string PathOf(PolicyAction action) => action switch
        {
            FileAccessAction a => a.Path,
            FileWriteAction w => w.Path,
            PatchAction p => p.Path,
            _ => throw new ArgumentException("not a file action: " + action.Kind, nameof(action)),
        };
    }
}
