namespace FinSpace.Emulator.Auth;

/// <summary>The secret behind an access key id, and the session token it requires if temporary.</summary>
internal readonly record struct SigningKey(string SecretAccessKey, string? SessionToken, System.DateTimeOffset? Expiration);
