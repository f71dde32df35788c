namespace FinSpace.Management
{
    /// <summary>A named profile and the file it came from (null: the shared files).</summary>
    public sealed class ProfileReference
    {
        public ProfileReference(string name, string? location)
        {
            Name = name;
            Location = string.IsNullOrEmpty(location) ? null : location;
        }

        public string Name { get; }
        public string? Location { get; }
    }
}
