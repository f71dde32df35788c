using System.Threading.Tasks;
using FinSpace.Data.Model;
using FinSpace.Management;

namespace FinSpace.PowerShell.Tests.Core;

/// <summary>One caller token over many items: each item its own token, stable across reruns.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class ClientTokensTests(EmulatorFixture fixture)
{
    [Fact]
    public void TokensAreStablePerItemDistinctAcrossItemsAndWithinTheModelsLength()
    {
        var longest = new string('t', ClientTokens.MaxCallerTokenLength);

        Assert.Equal(ClientTokens.ForItem("run-7", "ana@example.com"), ClientTokens.ForItem("run-7", "ana@example.com"));
        Assert.NotEqual(ClientTokens.ForItem("run-7", "ana@example.com"), ClientTokens.ForItem("run-7", "ben@example.com"));
        Assert.NotEqual(ClientTokens.ForItem("run-7", "a", "b"), ClientTokens.ForItem("run-7", "ab"));
        Assert.StartsWith("run-7-", ClientTokens.ForItem("run-7", "x"));
        Assert.Equal(128, ClientTokens.ForItem(longest, "x")!.Length);
        Assert.Null(ClientTokens.ForItem(null, "x"));
    }

    [Fact]
    public async Task ARerunWithTheSameTokenCreatesEachItemOnceAndManyItemsDoNotConflict()
    {
        var ct = TestContext.Current.CancellationToken;
        var token = EmulatorFixture.Unique("batch");
        var emails = new[] { EmulatorFixture.Unique("a") + "@example.com", EmulatorFixture.Unique("b") + "@example.com" };

        async Task<string[]> RunAsync()
        {
            var ids = new string[emails.Length];
            for (var i = 0; i < emails.Length; i++)
            {
                // The caller's one token: the service derives each user's own from it.
                ids[i] = await fixture.Services.Users.CreateAsync(new UserDefinition { EmailAddress = emails[i], ClientToken = token }, ct);
            }

            return ids;
        }

        var first = await RunAsync();
        var rerun = await RunAsync();

        Assert.NotEqual(first[0], first[1]);
        Assert.Equal(first, rerun);
        // Without the per-item token the second user would have been refused: one token, two different requests.
        var conflict = await Assert.ThrowsAsync<ConflictException>(() => fixture.Services.Client.CreateUserAsync(
            new CreateUserRequest { EmailAddress = EmulatorFixture.Unique("c") + "@example.com", Type = UserType.AppUser, ClientToken = ClientTokens.ForItem(token, emails[0]) }, ct));
        Assert.Contains("CLIENT_TOKEN", conflict.Reason);
    }
}
