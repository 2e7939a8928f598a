using System;
using System.Collections.Generic;
using PolicySim.Replay;

namespace PolicySim.Reports
{
    /// <summary>The words <see cref="PolicyGate.ParseKinds"/> accepts, with what each stands for (for help and tab completion).</summary>
    public static class FlipKindNames
    {
        private static readonly KeyValuePair<string, string>[] Words =
        {
            new KeyValuePair<string, string>("breaking", "AllowToDeny, AllowToWarn, WarnToDeny (more restrictive)"),
            new KeyValuePair<string, string>("widening", "DenyToAllow, DenyToWarn, WarnToAllow (less restrictive: the security risk)"),
            new KeyValuePair<string, string>("changed", "every outcome change: breaking and widening"),
            new KeyValuePair<string, string>("unknown", "ToUnknown, FromUnknown"),
            new KeyValuePair<string, string>("any", "every flip kind"),
        };

        /// <summary>Gets every accepted name: the words (<c>breaking</c>, <c>widening</c>, <c>changed</c>, <c>unknown</c>, <c>any</c>), then the flip kinds in enum order (without <c>None</c>).</summary>
        public static IReadOnlyList<string> All
        {
            get
            {
                var names = new List<string>();
                foreach (var w in Words)
                {
                    names.Add(w.Key);
                }

                for (var k = FlipKind.AllowToDeny; k <= FlipKind.StateDependent; k++)
                {
                    names.Add(k.ToString());
                }

                return names;
            }
        }

        /// <summary>Describes a name: the kinds a word stands for, or the kind's direction.</summary>
        /// <param name="name">A name from <see cref="All"/> (any case).</param>
        /// <returns>One line, or null for an unknown name.</returns>
        public static string? Describe(string name)
        {
            foreach (var w in Words)
            {
                if (string.Equals(w.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return w.Value;
                }
            }

            for (var k = FlipKind.AllowToDeny; k <= FlipKind.StateDependent; k++)
            {
                if (string.Equals(k.ToString(), name, StringComparison.OrdinalIgnoreCase))
                {
                    return k + " flips (" + FlipClassifier.ClassOf(k) + ")";
                }
            }

            return null;
        }
    }
}
