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
        ReadError,
    }
}
