using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PolicySim.Evaluation.Guards
{
    /// <summary>
    /// Builds the configuration key of a guard: its name and every constructor input that decides its behaviour, in a
    /// form where equal keys mean equal guards (lists are length-prefixed, numbers invariant and round-trippable).
    /// Guards are pure functions of their configuration and the action, so two policies' guards with equal keys give
    /// equal results for the same action (<see cref="GuardResultMemo"/>).
    /// </summary>
    internal sealed class GuardConfigKey
    {
        private readonly StringBuilder _sb = new StringBuilder();

        /// <summary>Initializes a new instance of the <see cref="GuardConfigKey"/> class for the named guard.</summary>
        /// <param name="guard">The guard name.</param>
        internal GuardConfigKey(string guard)
        {
            Add(guard);
        }

        /// <summary>Adds a string (null distinct from empty).</summary>
        internal GuardConfigKey Add(string? value)
        {
            if (value == null)
            {
                _sb.Append('\u0001');
            }
            else
            {
                _sb.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
            }

            _sb.Append('\u001f');
            return this;
        }

        /// <summary>Adds an integer.</summary>
        internal GuardConfigKey Add(long value) => Add(value.ToString(CultureInfo.InvariantCulture));

        /// <summary>Adds a double, round-trippable.</summary>
        internal GuardConfigKey Add(double value) => Add(value.ToString("R", CultureInfo.InvariantCulture));

        /// <summary>Adds a float, round-trippable.</summary>
        internal GuardConfigKey Add(float value) => Add(value.ToString("R", CultureInfo.InvariantCulture));

        /// <summary>Adds a boolean.</summary>
        internal GuardConfigKey Add(bool value) => Add(value ? "1" : "0");

        /// <summary>Adds a list in order.</summary>
        internal GuardConfigKey Add(IReadOnlyCollection<string> values)
        {
            Add(values.Count);
            foreach (string v in values)
            {
                Add(v);
            }

            return this;
        }

        /// <summary>Adds a set: order and duplicates do not matter.</summary>
        internal GuardConfigKey AddSet(IEnumerable<string> values)
        {
            var sorted = new SortedSet<string>(values, StringComparer.Ordinal);
            return Add(sorted);
        }

        /// <summary>Gets the key.</summary>
        /// <returns>The key text.</returns>
        public override string ToString() => _sb.ToString();
    }
}
