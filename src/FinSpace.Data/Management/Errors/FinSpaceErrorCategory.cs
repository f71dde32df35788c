namespace FinSpace.Management
{
    /// <summary>
    /// How an error is categorised. The member names are those of PowerShell's
    /// System.Management.Automation.ErrorCategory, so the cmdlet layer maps one to the other by name
    /// (a metadata test checks every name exists there).
    /// </summary>
    public enum FinSpaceErrorCategory
    {
        NotSpecified,
        ObjectNotFound,
        PermissionDenied,
        InvalidArgument,
        ResourceExists,
        LimitsExceeded,
        AuthenticationError,
        ConnectionError,
        OperationTimeout,
        OperationStopped,
        InvalidResult,
        InvalidOperation,

        /// <summary>The resource is in a state that does not allow this yet (a changeset still being ingested).</summary>
        ResourceBusy,

        /// <summary>A service quota (how many of something may exist) is reached.</summary>
        QuotaExceeded,

        /// <summary>The service could not serve the request now (HTTP 5xx); the same request may succeed later.</summary>
        ResourceUnavailable,

        /// <summary>Something could not be read: a local file (an upload), or the resource after a change that succeeded (a read-back).</summary>
        ReadError,

        /// <summary>A local file could not be written (a download).</summary>
        WriteError,
    }
}
