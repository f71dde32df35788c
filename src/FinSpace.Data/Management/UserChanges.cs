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
        public void Validate(string? userId = null)
        {
            var check = new ParameterCheck(ServiceModel.UpdateUser);
            if (userId is not null)
            {
                check.Id("UserId", "userId", userId);
            }

            check.Rule(IsEmpty, "Type", "nothingToChange", "Give at least one of -Type, -FirstName, -LastName, -ApiAccess or -ApiAccessPrincipalArn: nothing would change")
                .Rule(Type is { Length: 0 }, "Type", "cannotClear", "-Type cannot be cleared: every user is APP_USER or SUPER_USER")
                .Rule(FirstName is { Length: 0 }, "FirstName", "cannotClear", "-FirstName cannot be cleared: UpdateUser keeps a name it is not sent and refuses an empty one (1 to 50 characters)")
                .Rule(LastName is { Length: 0 }, "LastName", "cannotClear", "-LastName cannot be cleared: UpdateUser keeps a name it is not sent and refuses an empty one (1 to 50 characters)")
                .Rule(ApiAccess is { Length: 0 }, "ApiAccess", "cannotClear", "-ApiAccess cannot be cleared: give ENABLED or DISABLED")
                .Rule(ApiAccessPrincipalArn is { Length: 0 }, "ApiAccessPrincipalArn", "cannotClear",
                    "-ApiAccessPrincipalArn cannot be cleared: UpdateUser keeps the role it is not sent and refuses an empty ARN; use -ApiAccess DISABLED to stop the user's API access")
                .Given("Type", "type", Empty(Type))
                .Given("FirstName", "firstName", Empty(FirstName))
                .Given("LastName", "lastName", Empty(LastName))
                .Given("ApiAccess", "apiAccess", Empty(ApiAccess))
                .Given("ApiAccessPrincipalArn", "apiAccessPrincipalArn", Empty(ApiAccessPrincipalArn))
                .CallerToken(ClientToken)
                .ThrowIfInvalid();
        }

        // An empty value is reported once, by its cannotClear rule.
        private static string? Empty(string? value) => value is { Length: 0 } ? null : value;
    }
}
