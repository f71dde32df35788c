namespace FinSpace.Emulator;

/// <summary>
/// The documented test credentials every emulator accepts unless configured otherwise. They are
/// public on purpose: they open nothing but a local emulator.
/// </summary>
public static class EmulatorCredentials
{
    /// <summary>The default access key id.</summary>
    public const string AccessKeyId = "AKIAFINSPACEEMU00001";

    /// <summary>The secret access key paired with <see cref="AccessKeyId"/>.</summary>
    public const string SecretAccessKey = "finspace-emulator-test-secret-00001";

    /// <summary>The SigV4 service name clients must sign for.</summary>
    public const string SigningService = "finspace-api";

    /// <summary>A region to configure clients with; the emulator accepts a signature for any region.</summary>
    public const string DefaultRegion = "us-east-1";
}
