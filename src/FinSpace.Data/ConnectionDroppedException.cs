using System;
using Amazon.Runtime;

namespace FinSpace.Data
{
    /// <summary>
    /// The connection broke after a request was sent and no complete answer arrived, on every attempt
    /// the retry policy allowed. The operation may have run: a create or change sent with a clientToken
    /// can be sent again with the same token (the service then answers with the first result), and a
    /// read can simply be repeated.
    /// </summary>
    public sealed class ConnectionDroppedException : AmazonClientException
    {
        public ConnectionDroppedException(string operationName, int attempts, Exception innerException)
            : base(
                $"The connection broke after the {operationName} request was sent, on {Describe(attempts)}; " +
                $"the request may have been carried out ({innerException.Message.TrimEnd('.')}).",
                innerException)
        {
            OperationName = operationName;
            Attempts = attempts;
        }

        /// <summary>The API operation, e.g. CreateDataset.</summary>
        public string OperationName { get; }

        /// <summary>How many requests were sent, the last one included.</summary>
        public int Attempts { get; }

        private static string Describe(int attempts) => attempts == 1 ? "its only attempt" : $"the last of {attempts} attempts";
    }
}
