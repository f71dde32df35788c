using System.Management.Automation;
using FinSpace.Management;

namespace FinSpace.PowerShell.Internal
{
    /// <summary>
    /// Lets -Credential take what AWS users hold: a PSCredential (access key id as the user name,
    /// secret access key as the password), or a credentials object from any AWS SDK for .NET and any
    /// load context — AWS.Tools' $StoredAWSCredentials, an AWSCredentials, (Use-STSRole …).Credentials.
    /// The engine recognises those by shape, so no AWSSDK type appears in this assembly; anything
    /// else fails at binding, before any request, naming the parameter and what it accepts.
    /// </summary>
    internal sealed class CredentialTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            // A [pscustomobject] (say, STS credentials that went through ConvertFrom-Json) becomes a
            // dictionary of its properties, which the engine reads like the object itself.
            var value = PSValues.Unwrap(inputData);
            switch (value)
            {
                case null:
                case PSCredential:
                    return value;
                case string:
                    throw new ArgumentTransformationMetadataException(
                        "-Credential takes a PSCredential or an AWS credentials object, not a string: use " +
                        "[pscredential]::new($accessKeyId, $secretKey) (the secret as a SecureString), or -AccessKey and -SecretKey.");
            }

            if (CredentialShapes.Adopt(value) is null)
            {
                throw new ArgumentTransformationMetadataException(
                    "-Credential accepts a PSCredential, an AWSCredentials object from any AWS SDK for .NET, AWS.Tools' stored credentials, " +
                    $"or an object with AccessKeyId and SecretAccessKey properties (such as (Use-STSRole …).Credentials); a {value.GetType().FullName} is none of these.");
            }

            return value;
        }
    }
}
