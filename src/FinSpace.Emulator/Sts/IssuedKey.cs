namespace FinSpace.Emulator.Sts;

/// <summary>Temporary keys an external STS issued: the secret to verify with and the session token requests must carry.</summary>
internal sealed record IssuedKey(string AccessKeyId, string SecretAccessKey, string SessionToken);
