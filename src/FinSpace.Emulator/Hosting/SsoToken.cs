namespace FinSpace.Emulator;

/// <summary>
/// An access token the emulator's AWS SSO portal route accepts, and the one account and role it may
/// get credentials for (register the same token again for more roles).
/// </summary>
public sealed record SsoToken(string AccessToken, string AccountId, string RoleName);
