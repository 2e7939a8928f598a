using System;

namespace PolicySim.Evaluation
{
    /// <summary>
    /// Values worked out for one object, the one a thread decided last, by string key and up to a fixed number of them.
    /// Both decisions of a comparison ask the same questions about the same event or action, one right after the other on
    /// one worker; asking about another object forgets the previous one's values. Keep one per thread.
    /// </summary>
    /// <typeparam name="TValue">The remembered values.</typeparam>
    internal sealed class RecentObjectMemo<TValue>
    {
        private readonly string[] _keys;
        private readonly TValue[] _values;
        private object? _owner;
        private int _count;

        /// <summary>Creates an empty memo.</summary>
        /// <param name="capacity">How many values one object may have remembered (later ones are worked out every time).</param>
        public RecentObjectMemo(int capacity)
        {
            _keys = new string[capacity];
            _values = new TValue[capacity];
        }

        /// <summary>The value remembered for <paramref name="owner"/> under <paramref name="key"/>.</summary>
        /// <param name="owner">The object asked about (compared by reference).</param>
        /// <param name="key">The question.</param>
        /// <param name="value">The remembered value, when found.</param>
        /// <returns>Whether a value was remembered.</returns>
        public bool TryGet(object owner, string key, out TValue value)
        {
            if (!ReferenceEquals(_owner, owner))
            {
                Forget();
                _owner = owner;
            }
            else
            {
                for (int i = 0; i < _count; i++)
                {
                    if (string.Equals(_keys[i], key, StringComparison.Ordinal))
                    {
                        value = _values[i];
                        return true;
                    }
                }
            }

            value = default!;
            return false;
        }

        /// <summary>Remembers a value for <paramref name="owner"/>; ignored when the memo moved on to another object meanwhile, or is full.</summary>
        /// <param name="owner">The object the value is about.</param>
        /// <param name="key">The question.</param>
        /// <param name="value">The answer.</param>
        public void Add(object owner, string key, TValue value)
        {
            if (ReferenceEquals(_owner, owner) && _count < _keys.Length)
            {
                _keys[_count] = key;
                _values[_count] = value;
                _count++;
            }
        }

        /// <summary>Forgets the object and its values.</summary>
        public void Forget()
        {
            Array.Clear(_values, 0, _count);
            _owner = null;
            _count = 0;
        }
    }
}
