using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Completion;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>
    /// Resets users' passwords and emits each temporary password as a SecureString (plain text only
    /// with -AsPlainText). The old password stops working at once: confirms unless -Force.
    /// </summary>
    [Cmdlet(VerbsCommon.Reset, "FSUserPassword", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(UserPasswordReset), typeof(PlainTextUserPasswordReset))]
    public sealed class ResetFSUserPasswordCommand : FinSpaceBulkCmdlet
    {
        private const string ByIdSet = "ById";
        private const string InputObjectSet = "InputObject";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] UserId { get; set; } = null!;

        [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public User[] InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Emits the temporary password as plain text.</summary>
        [Parameter]
        public SwitchParameter AsPlainText { get; set; }

        [Parameter]
        [ValidateLength(1, ClientTokens.MaxCallerTokenLength)]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            var ids = ParameterSetName == InputObjectSet ? System.Array.ConvertAll(InputObject, u => u.UserId) : UserId;
            foreach (var id in ids)
            {
                if (ShouldChange(Force, id, "Reset password"))
                {
                    Submit(id, async ct =>
                    {
                        var reset = await Services.Users.ResetPasswordAsync(id, ClientToken, ct).ConfigureAwait(false);
                        return AsPlainText ? (object)reset : UserService.Protect(reset);
                    });
                }
            }
        }
    }
}
