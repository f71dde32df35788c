using System;

namespace FinSpace.Management
{
    /// <summary>One look at a resource while waiting for it.</summary>
    public sealed class WaitObservation<T>
    {
        public WaitObservation(T value, TimeSpan elapsed, bool isComplete)
        {
            Value = value;
            Elapsed = elapsed;
            IsComplete = isComplete;
        }

        public T Value { get; }
        public TimeSpan Elapsed { get; }
        /// <summary>True on the last observation: the resource reached a final status.</summary>
        public bool IsComplete { get; }
    }
}
