using System;
using Amazon.Runtime;

namespace FinSpace.Data.Tests.Infrastructure;

/// <summary>Clients pointed at a loopback server with known test credentials.</summary>
public static class TestClients
{
    public const string AccessKey = "AKIDFINSPACETEST0001";
    public const string SecretKey = "fInSpAcE/tEsT+sEcReT/kEy0000000000000000";
    public const string Region = "us-west-2";

    public static BasicAWSCredentials Credentials => new(AccessKey, SecretKey);

    public static FinSpaceDataClient For(RecordingServer server, Action<FinSpaceDataConfig>? configure = null, AWSCredentials? credentials = null)
    {
        var config = new FinSpaceDataConfig
        {
            ServiceURL = server.BaseUrl,
            AuthenticationRegion = Region,
        };
        configure?.Invoke(config);
        return new FinSpaceDataClient(credentials ?? Credentials, config);
    }
}
