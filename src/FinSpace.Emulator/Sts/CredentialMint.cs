using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace FinSpace.Emulator.Sts;

/// <summary>
/// Gets temporary keys from the real STS next to the storage (AssumeRole), so the keys that
/// GetProgrammaticAccessCredentials and GetExternalDataViewAccessDetails hand out open that S3 too.
/// </summary>
internal sealed class CredentialMint : IDisposable
{
    /// <summary>STS's shortest AssumeRole session; shorter FinSpace durations are cut by the emulator's own expiry.</summary>
    private const int MinimumSeconds = 900;

    private readonly AmazonSecurityTokenServiceClient _sts;
    private readonly string _roleArn;

    public CredentialMint(Uri endpoint, string accountId)
    {
        _sts = new AmazonSecurityTokenServiceClient(
            new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
            new AmazonSecurityTokenServiceConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = EmulatorCredentials.DefaultRegion });
        _roleArn = $"arn:aws:iam::{accountId}:role/FinSpaceEmulatorDataAccess";
    }

    public async Task<IssuedKey> MintAsync(string purpose, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var response = await _sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = _roleArn,
            RoleSessionName = purpose,
            DurationSeconds = Math.Max(MinimumSeconds, (int)lifetime.TotalSeconds),
        }, cancellationToken).ConfigureAwait(false);
        var c = response.Credentials;
        return new IssuedKey(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);
    }

    public void Dispose() => _sts.Dispose();
}
