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

        /// <summary>A new first name (1 to 50 characters); '' keeps the current one, with a warning (it cannot be cleared).</summary>
        [Parameter]
        public string? FirstName { get; set; }

        /// <summary>A new last name (1 to 50 characters); '' keeps the current one, with a warning (it cannot be cleared).</summary>
        [Parameter]
        public string? LastName { get; set; }

        [Parameter]
        [EmptyMeansNotGiven]
        [ValidateSetIfGiven("ENABLED", "DISABLED")]
        [ArgumentCompleter(typeof(SetIfGivenCompleter))]
        public string? ApiAccess { get; set; }

        /// <summary>A new IAM role ARN; '' keeps the current one, with a warning (it cannot be cleared): -ApiAccess DISABLED stops API access.</summary>
        [Parameter]
        public string? ApiAccessPrincipalArn { get; set; }

        [Parameter]
        [ValidateLength(1, ClientTokens.MaxCallerTokenLength)]
        public string? ClientToken { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        // One set of changes for every user in the pipeline: checked once, never modified.
        private UserChanges _changes = null!;

        protected override void BeginProcessing()
        {
            _changes = StopUnlessValid(
                () => new UserChanges { Type = Type, FirstName = FirstName, LastName = LastName, ApiAccess = ApiAccess, ApiAccessPrincipalArn = ApiAccessPrincipalArn, ClientToken = ClientToken },
                changes => changes.Validate());
            foreach (var kept in _changes.Kept())
            {
                WriteWarning(kept);
            }
        }

        protected override void ProcessRecord()
        {
            var id = ParameterSetName == InputObjectSet ? InputObject.UserId : UserId;
            if (ShouldProcess(id, "Update user"))
            {
                Change(id, ct => Services.Users.UpdateAsync(id, _changes, ct), PassThru, ct => Services.Users.GetAsync(id, ct));
            }
        }
    }
}
