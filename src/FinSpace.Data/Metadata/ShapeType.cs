namespace FinSpace.Data.Metadata
{
    /// <summary>The kind of a shape in the service model.</summary>
    public enum ShapeType
    {
        String,
        Integer,
        Long,
        Boolean,
        /// <summary>An epoch-millisecond <c>long</c> in the model, a DateTimeOffset in the client.</summary>
        Timestamp,
        Structure,
        List,
        Map,
    }
}
