namespace FinSpace.Data.Metadata
{
    /// <summary>How a list operation pages.</summary>
    public sealed class PagingMetadata
    {
        /// <summary>The page size the client sends when the caller gives none and the model requires one.</summary>
        public const int DefaultPageSize = 100;

        public PagingMetadata(string inputToken, string outputToken, string? limitKey, string resultKey, bool limitRequired)
        {
            InputToken = inputToken;
            OutputToken = outputToken;
            LimitKey = limitKey;
            ResultKey = resultKey;
            LimitRequired = limitRequired;
        }

        public string InputToken { get; }
        public string OutputToken { get; }
        public string? LimitKey { get; }
        public string ResultKey { get; }
        /// <summary>True when the model marks the page-size member required.</summary>
        public bool LimitRequired { get; }
    }
}
