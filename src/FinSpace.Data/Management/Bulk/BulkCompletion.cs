using System;

namespace FinSpace.Management.Bulk
{
    /// <summary>One finished work item of a <see cref="BulkDispatcher"/>: its target and either a result or the error.</summary>
    public sealed class BulkCompletion
    {
        internal BulkCompletion(object target, object? result, Exception? error)
        {
            Target = target;
            Result = result;
            Error = error;
        }

        /// <summary>What the item was dispatched for (an id, an e-mail address): the ErrorRecord's TargetObject.</summary>
        public object Target { get; }

        /// <summary>What the work returned; null when it failed or had nothing to emit.</summary>
        public object? Result { get; }

        public Exception? Error { get; }

        public bool Succeeded => Error is null;
    }
}
