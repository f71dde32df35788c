using System;

namespace FinSpace.Management
{
    /// <summary>The session's connection, as Connect-FSEnvironment -PassThru shows it. Holds no secret.</summary>
    public sealed class FinSpaceConnection
    {
        public string? Region { get; set; }
        public string? EndpointUrl { get; set; }
        /// <summary>Where the credentials come from (profile name, masked access key id, environment…).</summary>
        public string? CredentialSource { get; set; }
        public string? EnvironmentId { get; set; }

        public override string ToString() => $"{EndpointUrl ?? "regional endpoint"} ({Region})";
    }
}
