using System.IO;
using System.Linq;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using FinSpace.Data.Endpoints;
using FinSpace.Data.Tests.Infrastructure;

namespace FinSpace.Data.Tests;

/// <summary>Every vector of botocore's endpoint-tests-1.json, against the provider and through the client's settings.</summary>
public sealed class EndpointRuleSetTests
{
    public static TheoryData<string> Vectors() => Select(_ => true);

    /// <summary>Vectors with a region or an endpoint: without either the SDK would look for a region in the
    /// environment, so that vector is only checked against the provider (see ConfiguredEndpointTests.AMissingRegionFailsWhenTheClientIsCreated).</summary>
    public static TheoryData<string> VectorsWithRegionOrEndpoint() =>
        Select(c => c.TryGetProperty("params", out var p) && (p.TryGetProperty("Region", out _) || p.TryGetProperty("Endpoint", out _)));

    private static TheoryData<string> Select(System.Func<JsonElement, bool> filter)
    {
        var file = ReferenceModel.RequireFile("endpoint-tests-1.json");
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        return new TheoryData<string>(document.RootElement.GetProperty("testCases").EnumerateArray().Where(filter).Select(c => c.GetProperty("documentation").GetString()!));
    }

    private sealed record Vector(string? Region, bool UseFips, bool UseDualStack, string? Endpoint, string? ExpectedUrl, string? ExpectedError);

    private static Vector Load(string documentation)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(ReferenceModel.RequireFile("endpoint-tests-1.json")));
        var vector = document.RootElement.GetProperty("testCases").EnumerateArray().Single(c => c.GetProperty("documentation").GetString() == documentation);
        var parameters = vector.TryGetProperty("params", out var p) ? p : default;
        string? Text(string name) => parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty(name, out var v) ? v.GetString() : null;
        bool Flag(string name) => parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty(name, out var v) && v.GetBoolean();
        var expect = vector.GetProperty("expect");
        return new Vector(
            Text("Region"),
            Flag("UseFIPS"),
            Flag("UseDualStack"),
            Text("Endpoint"),
            expect.TryGetProperty("endpoint", out var endpoint) ? endpoint.GetProperty("url").GetString() : null,
            expect.TryGetProperty("error", out var error) ? error.GetString() : null);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void TheProviderResolvesEachVector(string documentation)
    {
        var vector = Load(documentation);
        var parameters = new FinSpaceDataEndpointParameters { UseFIPS = vector.UseFips, UseDualStack = vector.UseDualStack };
        if (vector.Region is not null)
        {
            parameters.Region = vector.Region;
        }

        if (vector.Endpoint is not null)
        {
            parameters.Endpoint = vector.Endpoint;
        }

        var provider = new FinSpaceDataEndpointProvider();
        if (vector.ExpectedError is not null)
        {
            var error = Assert.Throws<AmazonClientException>(() => provider.ResolveEndpoint(parameters));
            Assert.Equal(vector.ExpectedError, error.Message);
        }
        else
        {
            Assert.Equal(vector.ExpectedUrl, provider.ResolveEndpoint(parameters).URL);
        }
    }

    /// <summary>The same vectors through FinSpaceDataConfig, i.e. the resolver's mapping of RegionEndpoint, ServiceURL and the flags.</summary>
    [Theory]
    [MemberData(nameof(VectorsWithRegionOrEndpoint))]
    public void TheClientSettingsResolveEachVector(string documentation)
    {
        var vector = Load(documentation);

        var config = new FinSpaceDataConfig
        {
            UseFIPSEndpoint = vector.UseFips,
            UseDualstackEndpoint = vector.UseDualStack,
            IgnoreConfiguredEndpointUrls = true,
        };
        if (vector.Endpoint is not null)
        {
            // RegionEndpoint and ServiceURL exclude each other in the SDK; the region of a custom endpoint is the signing region.
            config.ServiceURL = vector.Endpoint;
            config.AuthenticationRegion = vector.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(vector.Region);
        }

        var parameters = new ServiceOperationEndpointParameters(new ProbeRequest());
        if (vector.ExpectedError is not null)
        {
            var error = Assert.Throws<AmazonClientException>(() => config.DetermineServiceOperationEndpoint(parameters));
            Assert.Equal(vector.ExpectedError, error.Message);
        }
        else
        {
            // The SDK ends a bare host URL with '/', as it does for every service.
            Assert.Equal(vector.ExpectedUrl, config.DetermineServiceOperationEndpoint(parameters).URL.TrimEnd('/'));
        }
    }

    private sealed class ProbeRequest : AmazonWebServiceRequest
    {
    }
}
