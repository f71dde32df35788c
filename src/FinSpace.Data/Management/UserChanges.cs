using FinSpace.Data.Metadata;
using FinSpace.Data.Validation;

namespace FinSpace.Management
{
    /// <summary>
    /// What Set-FSUser changes; a null member stays as it is. No member can be cleared: UpdateUser
    /// keeps every member it is not sent, and the model refuses an empty one (names need 1 to 50
    /// characters, the role ARN 20 to 2048, type and API access are one of their values). An empty
    /// value is refused naming the parameter and saying what to do instead.
    /// </summary>
    public sealed class UserChanges
    {
        public string? Type { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? ApiAccess { get; set; }
        public string? ApiAccessPrincipalArn { get; set; }
        /// <summary>The caller's token; each user's own token is derived from it and the user id.</summary>
        public string? ClientToken { get; set; }

        /// <summary>True when nothing would change.</summary>
        public bool IsEmpty => Type is null && FirstName is null && LastName is null && ApiAccess is null && ApiAccessPrincipalArn is null;

        /// <summary>Fails naming each parameter that breaks the model or asks to clear what cannot be cleared; nothing is sent.</summary>
        public void Validate(string? userId = null) => new ParameterCheck(ServiceModel.UpdateUser)
            .IdIfGiven("UserId", "userId", userId)
            .Rule(IsEmpty, "Type", "nothingToChange", "Give at least one of -Type, -FirstName, -LastName, -ApiAccess or -ApiAccessPrincipalArn: nothing would change")
            .NotClearable("Type", "type", Type, "every user is APP_USER or SUPER_USER")
            .NotClearable("FirstName", "firstName", FirstName, NameKept)
            .NotClearable("LastName", "lastName", LastName, NameKept)
            .NotClearable("ApiAccess", "apiAccess", ApiAccess, "give ENABLED or DISABLED")
            .NotClearable("ApiAccessPrincipalArn", "apiAccessPrincipalArn", ApiAccessPrincipalArn,
                "UpdateUser keeps the role it is not sent and refuses an empty ARN; use -ApiAccess DISABLED to stop the user's API access")
            .CallerToken(ClientToken)
            .ThrowIfInvalid();

        private const string NameKept = "UpdateUser keeps a name it is not sent and refuses an empty one (1 to 50 characters)";
    }
}
