using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using FinSpace.Management;
using FinSpace.PowerShell.Completion;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>What Enable-FSUser and Disable-FSUser share: users in by id or object, one call each.</summary>
    public abstract class UserStateCmdletBase : FinSpaceBulkCmdlet
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
        [ValidateLength(1, ClientTokens.MaxCallerTokenLength)]
        public string? ClientToken { get; set; }

        /// <summary>Emits each user as it is after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The ShouldProcess action, e.g. "Enable user".</summary>
        protected abstract string Action { get; }

        protected abstract Task Apply(string userId, CancellationToken cancellationToken);

        protected override void ProcessRecord()
        {
            var ids = ParameterSetName == InputObjectSet ? System.Array.ConvertAll(InputObject, u => u.UserId) : UserId;
            foreach (var id in ids)
            {
                if (!ShouldProcess(id, Action))
                {
                    continue;
                }

                Change(id, ct => Apply(id, ct), PassThru, ct => Services.Users.GetAsync(id, ct));
            }
        }
    }
}
