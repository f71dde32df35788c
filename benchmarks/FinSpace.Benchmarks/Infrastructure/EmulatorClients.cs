using System;
using Amazon.Runtime;
using FinSpace.Data;
using FinSpace.Emulator;
using FinSpace.Management;

namespace FinSpace.Benchmarks.Infrastructure;

/// <summary>Clients pointed at a loopback endpoint with the emulator's documented test keys.</summary>
internal static class EmulatorClients
{
    public static BasicAWSCredentials Credentials() => new(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey);

    /// <summary>The same settings <see cref="ClientCache.CreateClient"/> gives a client for a custom endpoint.</summary>
    public static FinSpaceDataConfig Config(Uri endpoint) => new()
    {
        ServiceURL = endpoint.ToString(),
        AuthenticationRegion = EmulatorCredentials.DefaultRegion,
    };

    public static FinSpaceDataClient Create(Uri endpoint) => new(Credentials(), Config(endpoint));

    /// <summary>The connection parameters a cmdlet would bind for <c>-EndpointUrl … -AccessKey … -SecretKey …</c>.</summary>
    public static ConnectionParameters CmdletParameters(Uri endpoint) => new()
    {
        EndpointUrl = endpoint.ToString(),
        Region = EmulatorCredentials.DefaultRegion,
        AccessKey = EmulatorCredentials.AccessKeyId,
        SecretKey = EmulatorCredentials.SecretAccessKey,
    };
}
