using System;

namespace FinSpace.Benchmarks.Infrastructure;

/// <summary>
/// Keeps the machine's AWS settings out of the numbers: an AWS_RETRY_MODE, AWS_MAX_ATTEMPTS or
/// AWS_ENDPOINT_URL would change what is measured, and a lookup of the EC2 instance metadata service
/// (off EC2, a wait for a timeout) must never be part of a timing.
/// </summary>
internal static class HermeticAwsEnvironment
{
    private static readonly string[] Cleared =
    {
        "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION",
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_FINSPACE_DATA", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
        "AWS_USE_FIPS_ENDPOINT", "AWS_USE_DUALSTACK_ENDPOINT", "AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE",
        "AWS_DEFAULTS_MODE",
    };

    public static void Apply()
    {
        foreach (var name in Cleared)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        // Shared config and credentials files are read by every new client: point them at empty files.
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", OperatingSystem.IsWindows() ? "NUL" : "/dev/null");
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", OperatingSystem.IsWindows() ? "NUL" : "/dev/null");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }
}
