namespace PolicySim.Evaluation.Posture
{
    /// <summary>One budget of a posture state: how much is used of the limit.</summary>
    public sealed class PostureBudget
    {
        internal PostureBudget(string name, long used, long limit)
        {
            Name = name;
            Used = used;
            Limit = limit;
        }

        /// <summary>Gets the budget name, e.g. <c>egress_calls</c>.</summary>
        public string Name { get; }

        /// <summary>Gets the units used.</summary>
        public long Used { get; }

        /// <summary>Gets the limit.</summary>
        public long Limit { get; }

        /// <summary>Formats as <c>name used/limit</c>.</summary>
        /// <returns>One line.</returns>
        public override string ToString() => Name + " " + Used.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
