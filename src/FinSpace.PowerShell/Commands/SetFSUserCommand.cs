using System;
using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Binding;
using FinSpace.PowerShell.Completion;
using FinSpace.PowerShell.Internal;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Changes a user: only the parameters given change.</summary>
    [Cmdlet(VerbsCommon.Set, "FSUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(User))]
    public sealed class SetFSUserCommand : FinSpaceBulkCmdlet
    {
        private const string ByIdSet = "ById";
        private const string InputObjectSet = "InputObject";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = null!;

        [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public User InputObject { get; set; } = null!;

        [Parameter]
        [Alias("UserType")]
        [EmptyMeansNotGiven]
        [ValidateSetIfGiven("APP_USER", "SUPER_USER")]
        [ArgumentCompleter(typeof(SetIfGivenCompleter))]
        public string? Type { get; set; }

        [Parameter]
        [EmptyMeansNotGiven]
        [ValidateLengthIfGiven(1, 50)]
        public string? FirstName { get; set; }

        [Parameter]
        [EmptyMeansNotGiven]
        [ValidateLengthIfGiven(1, 50)]
        public string? LastName { get; set; }

        [Parameter]
        [EmptyMeansNotGiven]
        [ValidateSetIfGiven("ENABLED", "DISABLED")]
        [ArgumentCompleter(typeof(SetIfGivenCompleter))]
        public string? ApiAccess { get; set; }

        [Parameter]
        [EmptyMeansNotGiven]
        [ValidatePatternIfGiven(@"^arn:aws[a-z\-]*:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+$")]
        public string? ApiAccessPrincipalArn { get; set; }

        [Parameter]
        [ValidateLength(1, ClientTokens.MaxCallerTokenLength)]
        public string? ClientToken { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            if (Type is null && FirstName is null && LastName is null && ApiAccess is null && ApiAccessPrincipalArn is null)
            {
                ThrowTerminatingError(ErrorRecords.From(
                    new ArgumentException("Give at least one of -Type, -FirstName, -LastName, -ApiAccess or -ApiAccessPrincipalArn: nothing would change.", nameof(Type)), null));
            }
        }

        protected override void ProcessRecord()
        {
            var id = ParameterSetName == InputObjectSet ? InputObject.UserId : UserId;
            if (!ShouldProcess(id, "Update user"))
            {
                return;
            }

            var changes = new UserChanges
            {
                Type = Type?.ToUpperInvariant(),
                FirstName = FirstName,
                LastName = LastName,
                ApiAccess = ApiAccess?.ToUpperInvariant(),
                ApiAccessPrincipalArn = ApiAccessPrincipalArn,
                ClientToken = ClientTokens.ForItem(ClientToken, id),
            };
            Change(id, ct => Services.Users.UpdateAsync(id, changes, ct), PassThru, ct => Services.Users.GetAsync(id, ct));
        }
    }
}
