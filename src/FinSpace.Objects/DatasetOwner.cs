namespace FinSpace.Management
{
    /// <summary>Who owns a dataset.</summary>
    public sealed class DatasetOwner
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? PhoneNumber { get; set; }

        public override string ToString() => Email is null ? Name ?? string.Empty : $"{Name} <{Email}>".Trim();
    }
}
