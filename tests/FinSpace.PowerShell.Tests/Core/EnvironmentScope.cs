using System;
using System.Collections.Generic;
using System.IO;

namespace FinSpace.PowerShell.Tests.Core;

/// <summary>
/// Runs a test with no AWS settings from the machine (no region, profiles or instance metadata)
/// and restores the process environment afterwards. Tests using it share a non-parallel collection.
/// </summary>
public sealed class EnvironmentScope : IDisposable
{
    private static readonly string[] Variables =
    {
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_EC2_METADATA_DISABLED", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_FINSPACE_DATA",
    };

    private readonly Dictionary<string, string?> _saved = new();

    private EnvironmentScope()
    {
        foreach (var name in Variables)
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, null);
        }

        var nowhere = Path.Combine(Path.GetTempPath(), "finspace-no-aws-" + Guid.NewGuid().ToString("N"));
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", nowhere + "-config");
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", nowhere + "-credentials");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Amazon.Runtime.FallbackRegionFactory.Reset();
    }

    public static EnvironmentScope WithoutAwsSettings() => new();

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        Amazon.Runtime.FallbackRegionFactory.Reset();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Process environment";
}
