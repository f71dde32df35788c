using System;

namespace FinSpace.Emulator.Ingestion;

/// <summary>Why a changeset failed: the ErrorCategory and the message its errorInfo carries.</summary>
internal sealed class IngestionException : Exception
{
    public IngestionException(string category, string message)
        : base(message)
    {
        Category = category;
    }

    public string Category { get; }

    public static IngestionException Validation(string message) => new(FinSpace.Data.Model.ErrorCategory.Validation.Value, message);
}
