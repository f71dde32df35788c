using System;

namespace FinSpace.Management
{
    /// <summary>Temporary AWS credentials for a FinSpace environment, with the secret parts as plain text (<c>-AsPlainText</c>).</summary>
    public sealed class PlainTextProgrammaticCredential
    {
        public string? EnvironmentId { get; set; }
        public string? AccessKeyId { get; set; }
        public string? SecretAccessKey { get; set; }
        public string? SessionToken { get; set; }
        public long? DurationInMinutes { get; set; }
        public DateTime? Expiration { get; set; }

        public override string ToString() => AccessKeyId ?? string.Empty;
    }
}
