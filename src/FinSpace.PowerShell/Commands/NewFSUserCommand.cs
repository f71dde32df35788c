using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Binding;
using FinSpace.PowerShell.Completion;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Creates a user and emits it. Import-Csv users.csv | New-FSUser creates many.</summary>
    [Cmdlet(VerbsCommon.New, "FSUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(User))]
    public sealed class NewFSUserCommand : FinSpaceBulkCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Email")]
        [ValidateLength(4, 320)]
        [ValidatePattern(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,4}")]
        public string EmailAddress { get; set; } = null!;

        /// <summary>APP_USER (the default) or SUPER_USER.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("UserType")]
        [EmptyMeansNotGiven]
        [ValidateSetIfGiven("APP_USER", "SUPER_USER")]
        [ArgumentCompleter(typeof(SetIfGivenCompleter))]
        public string? Type { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyMeansNotGiven]
        [ValidateLengthIfGiven(1, 50)]
        public string? FirstName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyMeansNotGiven]
        [ValidateLengthIfGiven(1, 50)]
        public string? LastName { get; set; }

        /// <summary>Whether the user may call the FinSpace API.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyMeansNotGiven]
        [ValidateSetIfGiven("ENABLED", "DISABLED")]
        [ArgumentCompleter(typeof(SetIfGivenCompleter))]
        public string? ApiAccess { get; set; }

        /// <summary>The IAM role ARN the user's API access uses.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyMeansNotGiven]
        [ValidatePatternIfGiven(@"^arn:aws[a-z\-]*:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+$")]
        public string? ApiAccessPrincipalArn { get; set; }

        [Parameter]
        [ValidateLength(1, ClientTokens.MaxCallerTokenLength)]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            var user = new UserDefinition
            {
                EmailAddress = EmailAddress,
                Type = Type,
                FirstName = FirstName,
                LastName = LastName,
                ApiAccess = ApiAccess,
                ApiAccessPrincipalArn = ApiAccessPrincipalArn,
                ClientToken = ClientToken,
            };
            if (IsValid(EmailAddress, user.Validate) && ShouldProcess(EmailAddress, "Create user"))
            {
                WriteCreated(EmailAddress, ct => Services.Users.CreateAsync(user, ct), Services.Users.GetAsync);
            }
        }
    }
}
