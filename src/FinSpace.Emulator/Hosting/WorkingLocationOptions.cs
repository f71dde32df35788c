using System;

namespace FinSpace.Emulator;

/// <summary>What GetWorkingLocation answers, and which S3 endpoint that bucket lives on.</summary>
public sealed class WorkingLocationOptions
{
    /// <summary>The bucket GetWorkingLocation and GetExternalDataViewAccessDetails name.</summary>
    public string Bucket { get; set; } = "finspace-emulator-working";

    /// <summary>Prefix of every path handed out (no leading slash).</summary>
    public string PathPrefix { get; set; } = "finspace/";

    /// <summary>
    /// The S3-compatible endpoint that holds <see cref="Bucket"/> (for example a local moto_server).
    /// The FinSpace API has no member for it, so it is reported on the admin path
    /// (<c>GET /_emulator/config</c>) and in the startup banner for test harnesses to upload to.
    /// </summary>
    public Uri? S3Endpoint { get; set; }

    internal WorkingLocationOptions Clone() => (WorkingLocationOptions)MemberwiseClone();
}
