using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using FinSpace.Management.Transfer;

namespace FinSpace.PowerShell.Tests.Core.Transfer;

/// <summary>Save-FSDataView's skip rule: same size and ETag is identical; anything else is a conflict unless -Force.</summary>
public sealed class SkipRuleTests
{
    private static string Md5(byte[] bytes) => System.Convert.ToHexString(MD5.HashData(bytes)).ToLowerInvariant();

    [Fact]
    public void ANewFileIsDownloadedAnIdenticalOneSkippedADifferentOneAConflictUnlessForced()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.Write("part-00000.csv", "ticker,price\nAMZN,1\n");
        var bytes = File.ReadAllBytes(path);
        var same = new RemoteObject("k", bytes.Length, "\"" + Md5(bytes) + "\"");
        var sameSizeOtherBytes = new RemoteObject("k", bytes.Length, Md5(bytes.Reverse().ToArray()));
        var otherSize = new RemoteObject("k", bytes.Length + 1, Md5(bytes));

        Assert.Equal(DownloadAction.Download, DownloadDecision.For(same, Path.Combine(scratch.Path, "missing.csv"), force: false));
        Assert.Equal(DownloadAction.Skip, DownloadDecision.For(same, path, force: false));
        Assert.Equal(DownloadAction.Skip, DownloadDecision.For(same, path, force: true));
        Assert.Equal(DownloadAction.Conflict, DownloadDecision.For(sameSizeOtherBytes, path, force: false));
        Assert.Equal(DownloadAction.Replace, DownloadDecision.For(sameSizeOtherBytes, path, force: true));
        Assert.Equal(DownloadAction.Conflict, DownloadDecision.For(otherSize, path, force: false));
        Assert.Equal(DownloadAction.Conflict, DownloadDecision.For(new RemoteObject("k", bytes.Length, null), path, force: false));
        Assert.Equal(DownloadAction.Conflict, DownloadDecision.For(same, scratch.Path, force: true));
    }

    [Fact]
    public void AMultipartETagIsRecomputedAtTheCommonPartSizes()
    {
        using var scratch = new ScratchFolder();
        var path = Path.Combine(scratch.Path, "big.bin");
        var bytes = new byte[(int)(12 * TransferOptions.MiB)];
        new System.Random(7).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);

        // What S3 computes for 8 MiB parts: MD5 of the parts' MD5s, then -<parts>.
        var part = (int)(8 * TransferOptions.MiB);
        var digests = MD5.HashData(bytes.AsSpan(0, part)).Concat(MD5.HashData(bytes.AsSpan(part))).ToArray();
        var expected = Md5(digests) + "-2";

        Assert.Equal(expected, ETagComparer.MultipartETag(path, part));
        Assert.True(ETagComparer.IsIdentical(path, bytes.Length, expected));
        Assert.False(ETagComparer.IsIdentical(path, bytes.Length, Md5(digests.Reverse().ToArray()) + "-2"));
        Assert.Contains(5 * TransferOptions.MiB, ETagComparer.CandidatePartSizes(bytes.Length, 3, TransferOptions.DefaultPartSize));
    }

    [Theory]
    [InlineData("part-00000.csv", true)]
    [InlineData("region=EU/part-00000.csv", true)]
    [InlineData("_SUCCESS", false)]
    [InlineData("region=EU/.part-00000.csv.crc", false)]
    [InlineData("region=EU/", false)]
    public void OnlyDataFilesAreSaved(string key, bool saved) => Assert.Equal(saved, TransferService.IsDataFile(key));

    [Theory]
    [InlineData("../escape.csv")]
    [InlineData("a/../../escape.csv")]
    [InlineData("a//b.csv")]
    public void AKeyThatWouldLeaveTheDestinationIsRefused(string key)
    {
        using var scratch = new ScratchFolder();
        Assert.Throws<System.ArgumentException>(() => TransferService.LocalPathFor(scratch.Path, key));
    }

    [Fact]
    public void PartitionFoldersAreKept()
    {
        using var scratch = new ScratchFolder();
        Assert.Equal(Path.Combine(scratch.Path, "region=EU", "day=2024-01-02", "part-00000.csv"), TransferService.LocalPathFor(scratch.Path, "region=EU/day=2024-01-02/part-00000.csv"));
    }
}
