using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace FinSpace.Data.Tests.Infrastructure;

/// <summary>
/// Keeps the developer's or CI's AWS setup out of the tests: no ~/.aws files, no AWS_* settings that
/// change retries or endpoints, and never a call to the EC2 instance metadata service (which is not
/// on the loopback network). Tests that need such settings set them inside an <see cref="EnvironmentScope"/>.
/// </summary>
internal static class HermeticAwsEnvironment
{
    private static readonly string Directory = Path.Combine(Path.GetTempPath(), "finspace-data-tests-aws-" + Environment.ProcessId);

    /// <summary>The shared config file of the test process: empty unless a test fills it.</summary>
    public static readonly string ConfigFile = Path.Combine(Directory, "config");

    /// <summary>The shared credentials file of the test process: empty unless a test fills it.</summary>
    public static readonly string CredentialsFile = Path.Combine(Directory, "credentials");

    public static readonly string[] ClearedVariables =
    {
        "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION",
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_FINSPACE_DATA", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
        "AWS_USE_FIPS_ENDPOINT", "AWS_USE_DUALSTACK_ENDPOINT", "AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE",
        "AWS_DEFAULTS_MODE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN",
    };

    [ModuleInitializer]
    internal static void Apply()
    {
        foreach (var name in ClearedVariables)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        // AWSSDK.Core binds its profile store to these paths on first use and never re-reads a file
        // that was missing then, so the files exist (empty) from the start and tests change their content.
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(ConfigFile, string.Empty);
        File.WriteAllText(CredentialsFile, string.Empty);
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", ConfigFile);
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", CredentialsFile);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }
}
