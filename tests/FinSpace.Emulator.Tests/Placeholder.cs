namespace FinSpace.Emulator.Tests;

public class Placeholder
{
    [Fact]
    public void ProjectBuilds() => Assert.True(true);
}
