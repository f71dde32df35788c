using Amazon.Runtime.Endpoints;

namespace FinSpace.Data.Endpoints
{
    /// <summary>
    /// The inputs of the FinSpace Data endpoint rule set (<c>endpoint-rule-set-1.json</c>): Region,
    /// UseFIPS, UseDualStack and an optional Endpoint override. Kept in the SDK's property bag so the
    /// SDK's global endpoint provider hook sees the same names as ours.
    /// </summary>
    public sealed class FinSpaceDataEndpointParameters : EndpointParameters
    {
        public FinSpaceDataEndpointParameters()
        {
            // The rule set gives both flags a default of false and marks them required.
            UseFIPS = false;
            UseDualStack = false;
        }

        /// <summary>The region the request is dispatched to (AWS::Region).</summary>
        public string? Region
        {
            get => (string?)this["Region"];
            set => this["Region"] = value;
        }

        /// <summary>Use the FIPS endpoint (AWS::UseFIPS).</summary>
        public bool UseFIPS
        {
            get => this["UseFIPS"] is true;
            set => this["UseFIPS"] = value;
        }

        /// <summary>Use the dual-stack endpoint (AWS::UseDualStack).</summary>
        public bool UseDualStack
        {
            get => this["UseDualStack"] is true;
            set => this["UseDualStack"] = value;
        }

        /// <summary>An explicit endpoint URL that replaces the computed one (SDK::Endpoint).</summary>
        public string? Endpoint
        {
            get => (string?)this["Endpoint"];
            set => this["Endpoint"] = value;
        }
    }
}
