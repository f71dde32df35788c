using System;

namespace FinSpace.Emulator.State.Records;

/// <summary>The first result of a request carrying a clientToken; <see cref="StoredRecord.Id"/> is operation + token.</summary>
internal sealed class IdempotencyRecord : StoredRecord
{
    /// <summary>Hash of the request without its token: a reuse with other parameters is a conflict.</summary>
    public string Fingerprint { get; set; } = string.Empty;

    /// <summary>The serialized response body first returned.</summary>
    public string ResponseJson { get; set; } = string.Empty;

    public DateTimeOffset Expires { get; set; }

    public static string KeyOf(string operation, string token) => operation + "\n" + token;
}
