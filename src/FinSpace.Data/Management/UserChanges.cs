using System.Collections.Generic;
using System.Linq;
using FinSpace.Data.Metadata;
using FinSpace.Data.Validation;

namespace FinSpace.Management
{
    /// <summary>
    /// What Set-FSUser changes; a null member stays as it is. No member can be cleared: UpdateUser
    /// keeps every member it is not sent, and the model refuses an empty one (names need 1 to 50
    /// characters, the role ARN 20 to 2048). An empty name or ARN — an empty cell of a CSV file
    /// passed on, typically — is therefore kept as it is, and <see cref="Kept"/> says so; given with
    /// nothing else to change it is refused, saying why.
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

        /// <summary>True when nothing would change (empty values are kept, so they change nothing).</summary>
        public bool IsEmpty => Sent(Type) is null && Sent(FirstName) is null && Sent(LastName) is null && Sent(ApiAccess) is null && Sent(ApiAccessPrincipalArn) is null;

        /// <summary>One sentence per empty value that is kept as it is rather than cleared.</summary>
        public IEnumerable<string> Kept()
        {
            foreach (var (parameter, value, why) in Clearable())
            {
                if (value is { Length: 0 })
                {
                    yield return $"-{parameter} is empty, so it is kept as it is: it cannot be cleared ({why}).";
                }
            }
        }

        /// <summary>Fails naming each parameter that breaks the model, or an empty value given with nothing else to change; nothing is sent.</summary>
        public void Validate(string? userId = null)
        {
            var check = new ParameterCheck(ServiceModel.UpdateUser)
                .IdIfGiven("UserId", "userId", userId)
                .Rule(IsEmpty && !Kept().Any(), "Type", "nothingToChange", "Give at least one of -Type, -FirstName, -LastName, -ApiAccess or -ApiAccessPrincipalArn: nothing would change");
            foreach (var (parameter, value, why) in Clearable())
            {
                check.Rule(IsEmpty && value is { Length: 0 }, parameter, "cannotClear", $"-{parameter} cannot be cleared: {why}");
            }

            check.Given("Type", "type", Sent(Type))
                .Given("FirstName", "firstName", Sent(FirstName))
                .Given("LastName", "lastName", Sent(LastName))
                .Given("ApiAccess", "apiAccess", Sent(ApiAccess))
                .Given("ApiAccessPrincipalArn", "apiAccessPrincipalArn", Sent(ApiAccessPrincipalArn))
                .CallerToken(ClientToken)
                .ThrowIfInvalid();
        }

        /// <summary>What UpdateUser is sent for a member: an empty value is not sent (kept).</summary>
        public static string? Sent(string? value) => value is { Length: 0 } ? null : value;

        private IEnumerable<(string Parameter, string? Value, string Why)> Clearable()
        {
            const string nameKept = "UpdateUser keeps a name it is not sent and refuses an empty one (1 to 50 characters)";
            yield return ("Type", Type, "every user is APP_USER or SUPER_USER");
            yield return ("FirstName", FirstName, nameKept);
            yield return ("LastName", LastName, nameKept);
            yield return ("ApiAccess", ApiAccess, "give ENABLED or DISABLED");
            yield return ("ApiAccessPrincipalArn", ApiAccessPrincipalArn,
                "UpdateUser keeps the role it is not sent and refuses an empty ARN; use -ApiAccess DISABLED to stop the user's API access");
        }
    }
}
