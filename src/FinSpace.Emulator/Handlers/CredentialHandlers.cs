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

    private static GetProgrammaticAccessCredentialsResponse Issue(GetProgrammaticAccessCredentialsRequest request, OperationContext context)
    {
        var minutes = request.DurationInMinutes ?? DefaultDurationMinutes;
        var credential = new TemporaryCredentialRecord
        {
            Id = IdGenerator.NewTemporaryAccessKeyId(),
            SecretAccessKey = IdGenerator.NewSecret(),
            SessionToken = IdGenerator.NewSessionToken(),
            Expiration = context.Now.AddMinutes(minutes),
        };
        context.State.Credentials.Save(credential);
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
