using System.Management.Automation;
using FinSpace.Management;
using FinSpace.PowerShell.Internal;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>
    /// Shows where a FinSpace call with these connection parameters (none: the session default) would
    /// go, in which region, with whose credentials, where each part came from, and which AWSSDK.Core
    /// build the module runs on. Sends no request and shows no secret.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "FSEnvironment")]
    [OutputType(typeof(FinSpaceEnvironment))]
    public sealed class GetFSEnvironmentCommand : FinSpaceCmdlet
    {
        protected override void ProcessRecord() =>
            WriteObject(EnvironmentReport.Describe(ResolveConnection(), SessionStore.Current, ClientCache.Shared));
    }
}
