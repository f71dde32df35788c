using System;
using System.Linq;
using System.Management.Automation;

namespace FinSpace.PowerShell.Binding
{
    /// <summary>ValidateSet for an optional parameter whose empty value means "not given" (case-insensitive).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateSetIfGivenAttribute : ValidateIfGivenAttribute
    {
        public ValidateSetIfGivenAttribute(params string[] validValues)
        {
            ValidValues = validValues ?? throw new ArgumentNullException(nameof(validValues));
        }

        public string[] ValidValues { get; }

        protected override void ValidateText(string text)
        {
            if (!ValidValues.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                throw new ValidationMetadataException($"'{text}' is not one of {string.Join(", ", ValidValues)}.");
            }
        }
    }
}
