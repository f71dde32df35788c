using System;

namespace FinSpace.Emulator.Storage;

/// <summary>An S3 call that failed, with the ErrorCategory a job reports for it.</summary>
internal sealed class StorageException : Exception
{
    public StorageException(string category, string message, Exception? inner = null)
        : base(message, inner)
    {
        Category = category;
    }

    public string Category { get; }
}
