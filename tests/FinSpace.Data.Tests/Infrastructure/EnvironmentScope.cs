using System;
using System.Collections.Generic;
using System.IO;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace FinSpace.Data.Tests.Infrastructure;

/// <summary>
/// Sets process environment variables (and optional shared config/credentials files) for one test
/// and restores everything afterwards, including the SDK's caches of what it read from them.
/// Only for tests in <see cref="ProcessEnvironmentCollection"/>, which never run alongside others.
/// </summary>
public sealed class EnvironmentScope : IDisposable
{
    private readonly Dictionary<string, string?> _saved = new();
    private bool _wroteSharedFiles;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "finspace-data-tests-" + Guid.NewGuid().ToString("N"));

    public EnvironmentScope()
    {
        System.IO.Directory.CreateDirectory(_directory);
        ResetSdkCaches();
    }

    public string Directory => _directory;

    public EnvironmentScope Set(string name, string? value)
    {
        if (!_saved.ContainsKey(name))
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
        }

        Environment.SetEnvironmentVariable(name, value);
        ResetSdkCaches();
        return this;
    }

    /// <summary>Fills the test process's shared config file (and optionally the credentials file) until disposed.</summary>
    public EnvironmentScope SharedConfig(string config, string? credentials = null)
    {
        _wroteSharedFiles = true;
        File.WriteAllText(HermeticAwsEnvironment.ConfigFile, config);
        File.WriteAllText(HermeticAwsEnvironment.CredentialsFile, credentials ?? string.Empty);
        ResetSdkCaches();
        return this;
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        if (_wroteSharedFiles)
        {
            File.WriteAllText(HermeticAwsEnvironment.ConfigFile, string.Empty);
            File.WriteAllText(HermeticAwsEnvironment.CredentialsFile, string.Empty);
        }

        ResetSdkCaches();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void ResetSdkCaches()
    {
        FallbackRegionFactory.Reset();
        FallbackInternalConfigurationFactory.Reset();
    }
}
