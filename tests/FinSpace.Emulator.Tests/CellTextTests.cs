using FinSpace.Emulator.Tables;

namespace FinSpace.Emulator.Tests;

/// <summary>Which texts are values of each ColumnDataType.</summary>
public sealed class CellTextTests
{
    [Theory]
    [InlineData("STRING", "anything at all", true)]
    [InlineData("CHAR", "x", true)]
    [InlineData("INTEGER", "-2147483648", true)]
    [InlineData("INTEGER", "2147483648", false)]
    [InlineData("INTEGER", "1.0", false)]
    [InlineData("TINYINT", "127", true)]
    [InlineData("TINYINT", "128", false)]
    [InlineData("SMALLINT", "-32768", true)]
    [InlineData("SMALLINT", "40000", false)]
    [InlineData("BIGINT", "9223372036854775807", true)]
    [InlineData("BIGINT", "1e3", false)]
    [InlineData("FLOAT", "1.5e3", true)]
    [InlineData("FLOAT", "one", false)]
    [InlineData("DOUBLE", "-0.000123", true)]
    [InlineData("DOUBLE", "1,5", false)]
    [InlineData("DATE", "2024-02-29", true)]
    [InlineData("DATE", "2023-02-29", false)]
    [InlineData("DATE", "24-01-01", false)]
    [InlineData("DATETIME", "2024-01-31 12:34:56", true)]
    [InlineData("DATETIME", "2024-01-31T12:34:56.123456789Z", true)]
    [InlineData("DATETIME", "2024-01-31T12:34:56+01:00", true)]
    [InlineData("DATETIME", "31/01/2024 12:34", false)]
    [InlineData("BOOLEAN", "TRUE", true)]
    [InlineData("BOOLEAN", "yes", false)]
    [InlineData("BINARY", "AAEC/w==", true)]
    [InlineData("BINARY", "not base64!", false)]
    [InlineData("INTEGER", "", true)]
    public void TextIsCheckedAgainstTheColumnType(string type, string text, bool valid)
    {
        Assert.Equal(valid, CellText.IsValid(text, type));
    }

    [Fact]
    public void TypedValuesAreParsedForParquetAndSorting()
    {
        Assert.Equal(new System.DateTime(2024, 1, 31, 11, 34, 56), CellText.Parse("2024-01-31T12:34:56+01:00", "DATETIME"));
        Assert.Equal((sbyte)-5, CellText.Parse("-5", "TINYINT"));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, CellText.Parse("AAEC/w==", "BINARY"));
        Assert.Null(CellText.Parse("", "DOUBLE"));
        Assert.Equal("", CellText.Parse("", "STRING"));
        Assert.Equal("2024-01-31 12:34:56.5", CellText.Format(new System.DateTime(2024, 1, 31, 12, 34, 56, 500)));
        Assert.Equal("2024-01-31 12:34:56", CellText.Format(new System.DateTime(2024, 1, 31, 12, 34, 56)));
    }
}
