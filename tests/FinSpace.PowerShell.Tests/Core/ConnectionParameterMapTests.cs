using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using FinSpace.Management;

namespace FinSpace.PowerShell.Tests.Core;

/// <summary>
/// The one mapping of connection parameters: what a cmdlet's bound parameters mean, and what
/// $PSDefaultParameterValues gives a command by PowerShell's rules (the completers' view of a line).
/// </summary>
public sealed class ConnectionParameterMapTests
{
    private static readonly Func<object, KeyValuePair<string, string>?> NoPair = _ => null;

    [Fact]
    public void NamesAndAliasesFillTheirMembersAndOtherKeysAreIgnored()
    {
        var given = ConnectionParameterMap.From(new Hashtable
        {
            ["ak"] = "AKIAMAP0000000000001",
            ["SK"] = "secret",
            ["RegionToCall"] = "eu-west-1",
            ["ServiceUrl"] = "http://127.0.0.1:9",
            ["StoredCredentials"] = new[] { "first", "second" },
            ["DatasetId"] = "not a connection parameter",
        }, NoPair);

        Assert.Equal(("AKIAMAP0000000000001", "secret", "eu-west-1", "http://127.0.0.1:9", "first"),
            (given.AccessKey, given.SecretKey, given.Region, given.EndpointUrl, given.ProfileName));
        Assert.Null(given.ProfileLocation);
        Assert.Null(given.CredentialObject);
    }

    [Fact]
    public void ACredentialIsAKeyPairWhenTheCallerSaysSoAndAnObjectOtherwise()
    {
        var pair = new object();
        var shape = new { AccessKeyId = "AKIAMAP0000000000002", SecretAccessKey = "s" };
        KeyValuePair<string, string>? PairOf(object value) => ReferenceEquals(value, pair) ? new KeyValuePair<string, string>("AKIAPAIR000000000001", "pair-secret") : null;

        var fromPair = ConnectionParameterMap.From(new Hashtable { ["Credential"] = pair }, PairOf);
        var fromObject = ConnectionParameterMap.From(new Hashtable { ["Credential"] = shape }, PairOf);

        Assert.Equal(("AKIAPAIR000000000001", "pair-secret"), (fromPair.CredentialAccessKey, fromPair.CredentialSecretKey));
        Assert.Null(fromPair.CredentialObject);
        Assert.Same(shape, fromObject.CredentialObject);
        Assert.False(fromObject.HasCredential);
    }

    [Fact]
    public void DefaultsApplyByExactNameWildcardAndAliasOnlyToTheMatchingCommand()
    {
        var defaults = Defaults("Get-FSDataset",
            ("*-FS*:EndpointUrl", "http://127.0.0.1:8641"),
            ("Get-FSDataset:RegionToCall", "eu-west-1"),
            ("get-fsdataset : AK", "AKIADEFAULT000000001"),
            ("Get-FSUser:SecretKey", "for another command"),
            ("Get-ChildItem:Region", "not ours either"),
            ("*:Verbose", true));

        Assert.Equal(new[] { "AccessKey", "EndpointUrl", "Region" }, defaults.Keys.OrderBy(k => k));
        Assert.Equal("http://127.0.0.1:8641", defaults["EndpointUrl"]);
        Assert.Equal("eu-west-1", defaults["Region"]);
        Assert.Equal("AKIADEFAULT000000001", defaults["AccessKey"]);
    }

    [Fact]
    public void ConflictingValuesGiveNoDefaultAndEqualOnesAreKept()
    {
        var defaults = Defaults("Get-FSUser",
            ("*:Region", "eu-west-1"),
            ("Get-FSUser:Region", "us-east-1"),
            ("*-FS*:ProfileName", "ops"),
            ("Get-FSUser:ProfileName", "ops"));

        Assert.False(defaults.ContainsKey("Region"));
        Assert.Equal("ops", defaults["ProfileName"]);
    }

    [Fact]
    public void AParameterPatternMustMeanExactlyOneConnectionParameter()
    {
        var defaults = Defaults("Get-FSUser", ("*:Endpoint*", "http://127.0.0.1:9"), ("*:*Key", "ambiguous"), ("*:Profile?ame", "ops"));

        Assert.Equal("http://127.0.0.1:9", defaults["EndpointUrl"]);
        Assert.Equal("ops", defaults["ProfileName"]);
        Assert.False(defaults.ContainsKey("AccessKey"));
        Assert.False(defaults.ContainsKey("SecretKey"));
    }

    [Fact]
    public void ATrueDisabledKeyTurnsEveryDefaultOffAndMalformedKeysAreSkipped()
    {
        Assert.Empty(Defaults("Get-FSUser", ("*:Region", "eu-west-1"), ("Disabled", true)));
        var kept = Defaults("Get-FSUser", ("*:Region", "eu-west-1"), ("Disabled", false), ("Region", "x"), (":Region", "x"), ("Get-FSUser:", "x"), ("a:b:Region", "x"), ("*:EndpointUrl", null));
        Assert.Equal("eu-west-1", Assert.Single(kept).Value);
    }

    private static IDictionary<string, object> Defaults(string command, params (string Key, object? Value)[] entries) =>
        ConnectionParameterMap.Defaults(entries.Select(e => new KeyValuePair<string, object?>(e.Key, e.Value)), command, Glob, v => v is true);

    /// <summary>A stand-in for PowerShell's WildcardPattern (the Pester tests use the real one).</summary>
    private static bool Glob(string pattern, string text) =>
        Regex.IsMatch(text, "^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.IgnoreCase);
}
