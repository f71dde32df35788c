namespace FinSpace.Data.Metadata
{
    /// <summary>Where a member travels in the HTTP message.</summary>
    public enum MemberLocation
    {
        Body,
        Uri,
        QueryString,
        Header,
        /// <summary>Filled from the HTTP status code of the response.</summary>
        StatusCode,
    }
}
