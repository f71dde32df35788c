using System.Management.Automation;
using FinSpace.Management;

namespace FinSpace.PowerShell.Commands
{
    /// <summary>Gets a temporary S3 location to stage files for ingestion (INGESTION) or to use as notebook scratch space (SAGEMAKER).</summary>
    [Cmdlet(VerbsCommon.Get, "FSWorkingLocation")]
    [OutputType(typeof(WorkingLocation))]
    public sealed class GetFSWorkingLocationCommand : FinSpaceCmdlet
    {
        [Parameter(Position = 0)]
        [ValidateSet("INGESTION", "SAGEMAKER", IgnoreCase = true)]
        public string? LocationType { get; set; }

        protected override void ProcessRecord()
        {
            if (TryInvoke(LocationType ?? EnvironmentService.DefaultLocationType, ct => Services.Environment.GetWorkingLocationAsync(LocationType, ct), out var location))
            {
                WriteObject(location);
            }
        }
    }
}
