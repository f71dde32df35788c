using System;

namespace FinSpace.Emulator.Storage;

/// <summary>A bucket and key, as in <c>s3://bucket/key</c>.</summary>
internal readonly record struct S3Path(string Bucket, string Key)
{
    public const string Scheme = "s3://";

    public static bool TryParse(string? text, out S3Path path)
    {
        path = default;
        if (text is null || !text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = text[Scheme.Length..];
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length == 0)
        {
            return false;
        }

        path = new S3Path(bucket, slash < 0 ? string.Empty : rest[(slash + 1)..]);
        return true;
    }

    public override string ToString() => $"{Scheme}{Bucket}/{Key}";
}
