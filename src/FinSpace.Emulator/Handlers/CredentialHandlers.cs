using System;
using FinSpace.Data.Metadata;
using FinSpace.Data.Model;
using FinSpace.Emulator.State;
using FinSpace.Emulator.State.Records;

namespace FinSpace.Emulator.Handlers;

/// <summary>
/// GetProgrammaticAccessCredentials (temporary keys the emulator then accepts for signing until they
/// expire) and GetWorkingLocation.
/// </summary>
internal static class CredentialHandlers
{
    private const long DefaultDurationMinutes = 60;

    public static void Register(HandlerRegistry registry)
    {
        registry.Add<GetProgrammaticAccessCredentialsRequest, GetProgrammaticAccessCredentialsResponse>(ServiceModel.GetProgrammaticAccessCredentials, Issue);
        registry.Add<GetWorkingLocationRequest, GetWorkingLocationResponse>(ServiceModel.GetWorkingLocation, WorkingLocation);
    }

    /// <summary>The operations whose answers carry keys, minted by the storage's STS when there is one.</summary>
    public static bool HandsOutKeys(string operation) =>
        operation == ServiceModel.GetProgrammaticAccessCredentials.Name || operation == ServiceModel.GetExternalDataViewAccessDetails.Name;

    /// <summary>
    /// Keys the emulator accepts for SigV4 until <paramref name="expiration"/>: minted by the storage's
    /// STS when one is configured (so that S3 takes them too), made up locally otherwise.
    /// </summary>
    public static TemporaryCredentialRecord NewCredential(OperationContext context, DateTimeOffset expiration)
    {
        var credential = new TemporaryCredentialRecord
        {
            Id = context.Minted?.AccessKeyId ?? IdGenerator.NewTemporaryAccessKeyId(),
            SecretAccessKey = context.Minted?.SecretAccessKey ?? IdGenerator.NewSecret(),
            SessionToken = context.Minted?.SessionToken ?? IdGenerator.NewSessionToken(),
            Expiration = expiration,
        };
        context.State.Credentials.Save(credential);
        return credential;
    }

    private static GetProgrammaticAccessCredentialsResponse Issue(GetProgrammaticAccessCredentialsRequest request, OperationContext context)
    {
        var minutes = request.DurationInMinutes ?? DefaultDurationMinutes;
        var credential = NewCredential(context, context.Now.AddMinutes(minutes));
        return new GetProgrammaticAccessCredentialsResponse
        {
            Credentials = new Credentials
            {
                AccessKeyId = credential.Id,
                SecretAccessKey = credential.SecretAccessKey,
                SessionToken = credential.SessionToken,
            },
            DurationInMinutes = minutes,
        };
    }

    private static GetWorkingLocationResponse WorkingLocation(GetWorkingLocationRequest request, OperationContext context)
    {
        var options = context.Options.WorkingLocation;
        var type = (request.LocationType?.Value ?? LocationType.Ingestion.Value).ToLowerInvariant();
        var path = $"{options.PathPrefix}{type}/";
        return new GetWorkingLocationResponse
        {
            S3Bucket = options.Bucket,
            S3Path = path,
            S3Uri = $"s3://{options.Bucket}/{path}",
        };
    }
}
