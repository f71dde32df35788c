using FinSpace.Data.Metadata;
using FinSpace.Data.Validation;

namespace FinSpace.Management
{
    /// <summary>What New-FSUser creates. Enum values may be given in any case; <see cref="ClientToken"/> is the caller's, the service derives the user's own from it.</summary>
    public sealed class UserDefinition
    {
        public string EmailAddress { get; set; } = string.Empty;
        /// <summary>SUPER_USER or APP_USER (null: APP_USER).</summary>
        public string? Type { get; set; } = "APP_USER";
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        /// <summary>ENABLED or DISABLED.</summary>
        public string? ApiAccess { get; set; }
        public string? ApiAccessPrincipalArn { get; set; }
        public string? ClientToken { get; set; }

        /// <summary>Fails naming each parameter that breaks the model; nothing is sent.</summary>
        public void Validate() => new ParameterCheck(ServiceModel.CreateUser)
            .Required("EmailAddress", "emailAddress", EmailAddress)
            .Given("Type", "type", Type)
            .Given("FirstName", "firstName", FirstName)
            .Given("LastName", "lastName", LastName)
            .Given("ApiAccess", "apiAccess", ApiAccess)
            .Given("ApiAccessPrincipalArn", "apiAccessPrincipalArn", ApiAccessPrincipalArn)
            .CallerToken(ClientToken)
            .ThrowIfInvalid();
    }
}
