namespace FinSpace.Management
{
    /// <summary>One id to offer, with a label a person recognises (title, name, e-mail, status).</summary>
    public sealed class IdSuggestion
    {
        public IdSuggestion(string id, string label)
        {
            Id = id;
            Label = label;
        }

        public string Id { get; }
        public string Label { get; }
    }
}
