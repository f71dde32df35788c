using FinSpace.Data.Metadata;

namespace FinSpace.Data
{
    /// <summary>Shallow copies of request objects, member by member from the model.</summary>
    internal static class RequestCloner
    {
        public static T Clone<T>(Shape shape, T request)
            where T : class
        {
            var copy = shape.CreateInstance();
            foreach (var member in shape.Members)
            {
                member.SetValue(copy, member.GetValue(request));
            }

            return (T)copy;
        }
    }
}
