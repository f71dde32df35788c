namespace FinSpace.Data.Metadata
{
    /// <summary>A modeled error: its code, HTTP status, and whether the body carries a <c>reason</c>.</summary>
    public sealed class ErrorMetadata
    {
        public ErrorMetadata(string code, int httpStatusCode, bool hasReason)
        {
            Code = code;
            HttpStatusCode = httpStatusCode;
            HasReason = hasReason;
        }

        public string Code { get; }
        public int HttpStatusCode { get; }
        public bool HasReason { get; }
    }
}
