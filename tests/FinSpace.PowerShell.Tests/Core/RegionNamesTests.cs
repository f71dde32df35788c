using System.Linq;
using FinSpace.Management;

namespace FinSpace.PowerShell.Tests.Core;

public sealed class RegionNamesTests
{
    [Fact]
    public void CompletesKnownRegionsByPrefixInOrder()
    {
        var matches = RegionNames.Matching("us-e");

        Assert.Equal(new[] { "us-east-1", "us-east-2" }, matches.Select(m => m.Key).Where(k => k is "us-east-1" or "us-east-2"));
        Assert.All(matches, m => Assert.StartsWith("us-e", m.Key));
        Assert.Equal(matches.Select(m => m.Key).OrderBy(k => k, System.StringComparer.Ordinal), matches.Select(m => m.Key));
        Assert.Contains(RegionNames.Matching(null), m => m.Key == "eu-west-1" && m.Value.Length > 0);
    }

    [Fact]
    public void OffersNoEndpointVariantsThatAreNoRegion()
    {
        var all = RegionNames.Matching(null).Select(m => m.Key).ToList();

        Assert.DoesNotContain("us-east-1-regional", all);
        Assert.Empty(RegionNames.Matching("us-east-1-"));
        Assert.All(all, name => Assert.Matches("^[a-z]+(-[a-z]+)+-[0-9]+$", name));
        Assert.Contains("eusc-de-east-1", all);
        Assert.True(all.Count > 30);
        Assert.False(RegionNames.IsRegion("aws-global"));
        Assert.False(RegionNames.IsRegion("fips-us-east-1-"));
    }
}
