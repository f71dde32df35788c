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
            CopyMembers(shape, request, copy);
            return (T)copy;
        }

        /// <summary>Copies every modeled member of <paramref name="source"/> onto <paramref name="target"/>.</summary>
        public static void CopyMembers(Shape shape, object source, object target)
        {
            foreach (var member in shape.Members)
            {
                member.SetValue(target, member.GetValue(source));
            }
        }
    }
}
