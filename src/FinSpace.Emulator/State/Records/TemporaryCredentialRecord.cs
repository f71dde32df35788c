using System;

namespace FinSpace.Emulator.State.Records;

/// <summary>Keys from GetProgrammaticAccessCredentials; <see cref="StoredRecord.Id"/> is the access key id.</summary>
internal sealed class TemporaryCredentialRecord : StoredRecord
{
    public string SecretAccessKey { get; set; } = string.Empty;
    public string SessionToken { get; set; } = string.Empty;
    public DateTimeOffset Expiration { get; set; }
}
