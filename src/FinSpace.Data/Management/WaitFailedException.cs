using System;

namespace FinSpace.Management
{
    /// <summary>A changeset or dataview reached a final status that is not success (FAILED, CANCELLED, STOP_REQUESTED, …).</summary>
    public sealed class WaitFailedException : Exception
    {
        public WaitFailedException(string errorId, string description, string resourceId, string? status, string? failureCategory, string? failureMessage)
            : base(MessageFor(description, status, failureCategory, failureMessage))
        {
            ErrorId = errorId;
            ResourceId = resourceId;
            Status = status;
            FailureCategory = failureCategory;
            FailureMessage = failureMessage;
        }

        /// <summary>ChangesetFailed or DataViewFailed.</summary>
        public string ErrorId { get; }

        public string ResourceId { get; }

        /// <summary>The final status, e.g. FAILED.</summary>
        public string? Status { get; }

        /// <summary>The service's errorInfo.errorCategory, e.g. VALIDATION or USER_RECOVERABLE.</summary>
        public string? FailureCategory { get; }

        /// <summary>The service's errorInfo.errorMessage.</summary>
        public string? FailureMessage { get; }

        /// <summary>
        /// "&lt;description&gt; ended FAILED (category VALIDATION): &lt;message&gt;." The category is named once:
        /// left out when the service's message already names it.
        /// </summary>
        public static string MessageFor(string description, string? status, string? category, string? message)
        {
            var text = $"{description} ended {status ?? "without a status"}";
            var trimmed = message?.Trim().TrimEnd('.');
            if (!string.IsNullOrEmpty(category) && (trimmed is null || trimmed.IndexOf(category, StringComparison.OrdinalIgnoreCase) < 0))
            {
                text += $" (category {category})";
            }

            return string.IsNullOrEmpty(trimmed) ? text + "." : $"{text}: {trimmed}.";
        }
    }
}
