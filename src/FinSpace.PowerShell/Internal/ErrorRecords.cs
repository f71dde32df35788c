using System;
using System.Management.Automation;
using FinSpace.Management;

namespace FinSpace.PowerShell.Internal
{
    /// <summary>Turns a classified error into the ErrorRecord PowerShell users expect.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(ClassifiedError error, object? target) =>
            new ErrorRecord(error.Exception, error.ErrorId, Category(error.Category), target)
            {
                ErrorDetails = new ErrorDetails(error.Message),
            };

        public static ErrorRecord From(Exception exception, object? target) => From(ErrorClassifier.Classify(exception), target);

        // FinSpaceErrorCategory's names are ErrorCategory's names (checked by a metadata test).
        private static ErrorCategory Category(FinSpaceErrorCategory category) =>
            (ErrorCategory)Enum.Parse(typeof(ErrorCategory), category.ToString());
    }
}
