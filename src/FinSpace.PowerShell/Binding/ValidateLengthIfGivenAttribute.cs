using System;
using System.Management.Automation;

namespace FinSpace.PowerShell.Binding
{
    /// <summary>ValidateLength for an optional parameter whose empty value means "not given".</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateLengthIfGivenAttribute : ValidateIfGivenAttribute
    {
        public ValidateLengthIfGivenAttribute(int minLength, int maxLength)
        {
            MinLength = minLength;
            MaxLength = maxLength;
        }

        public int MinLength { get; }
        public int MaxLength { get; }

        protected override void ValidateText(string text)
        {
            if (text.Length < MinLength || text.Length > MaxLength)
            {
                throw new ValidationMetadataException($"The value has {text.Length} characters; it must have {MinLength} to {MaxLength}.");
            }
        }
    }
}
