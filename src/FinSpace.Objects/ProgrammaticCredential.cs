using System;
using System.Security;

namespace FinSpace.Management
{
    /// <summary>
    /// Temporary AWS credentials for a FinSpace environment. The secret parts are SecureStrings so
    /// they never print; <c>-AsPlainText</c> gives <see cref="PlainTextProgrammaticCredential"/>.
    /// </summary>
    public sealed class ProgrammaticCredential
    {
        public string? EnvironmentId { get; set; }
        public string? AccessKeyId { get; set; }
        public SecureString? SecretAccessKey { get; set; }
        public SecureString? SessionToken { get; set; }
        public long? DurationInMinutes { get; set; }
        /// <summary>When the credentials stop working: the time of the request plus the duration.</summary>
        public DateTime? Expiration { get; set; }

        public override string ToString() => AccessKeyId ?? string.Empty;
    }
}
