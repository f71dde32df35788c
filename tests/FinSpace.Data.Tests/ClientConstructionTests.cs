using Amazon;
using Amazon.Runtime;
using FinSpace.Data.Tests.Infrastructure;

namespace FinSpace.Data.Tests;

/// <summary>What the constructors set up, without any network traffic.</summary>
public sealed class ClientConstructionTests
{
    [Fact]
    public void TheConfigCarriesTheModelsSigningNameAndServiceId()
    {
        var config = new FinSpaceDataConfig();

        Assert.Equal("finspace-api", config.AuthenticationServiceName);
        Assert.Equal("finspace data", config.ServiceId);
        Assert.Equal("2020-07-13", config.ServiceVersion);
        Assert.Equal("finspace-api", config.RegionEndpointServiceName);
        Assert.Contains("finspace-data", config.UserAgent);
    }

    [Fact]
    public void WithoutACustomEndpointTheSigningRegionIsLeftToTheSdk()
    {
        var config = new FinSpaceDataConfig { RegionEndpoint = RegionEndpoint.USWest2, IgnoreConfiguredEndpointUrls = true };

        using var client = new FinSpaceDataClient(TestClients.Credentials, config);

        Assert.Null(config.AuthenticationRegion);
        Assert.Same(config, client.Config);
        Assert.NotNull(client.Paginators);
    }

    [Fact]
    public void WithACustomEndpointTheSigningRegionIsPinned()
    {
        var config = new FinSpaceDataConfig { ServiceURL = "http://127.0.0.1:9/" };

        using var client = new FinSpaceDataClient(TestClients.Credentials, config);

        // No region anywhere in the hermetic test environment, and none in the host name.
        Assert.Equal("us-east-1", config.AuthenticationRegion);
    }

    [Fact]
    public void AnExplicitSigningRegionIsKept()
    {
        var config = new FinSpaceDataConfig { ServiceURL = "http://127.0.0.1:9/", AuthenticationRegion = "ap-northeast-1" };

        using var client = new FinSpaceDataClient(TestClients.Credentials, config);

        Assert.Equal("ap-northeast-1", config.AuthenticationRegion);
    }

    [Fact]
    public void TheRegionConstructorsUseTheGivenRegion()
    {
        using var withCredentials = new FinSpaceDataClient(TestClients.Credentials, RegionEndpoint.EUWest2);
        using var withDefaultChain = new FinSpaceDataClient(RegionEndpoint.APSoutheast1);

        Assert.Equal(RegionEndpoint.EUWest2, withCredentials.Config.RegionEndpoint);
        Assert.Equal(RegionEndpoint.APSoutheast1, withDefaultChain.Config.RegionEndpoint);
    }

    [Fact]
    public void NullArgumentsAreRejected()
    {
        Assert.Throws<System.ArgumentNullException>(() => new FinSpaceDataClient((FinSpaceDataConfig)null!));
        Assert.Throws<System.ArgumentNullException>(() => new FinSpaceDataClient((AWSCredentials)null!, new FinSpaceDataConfig()));
    }
}
