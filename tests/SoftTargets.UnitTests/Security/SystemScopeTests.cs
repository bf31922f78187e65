using SoftTargets.Core.Security;

namespace SoftTargets.UnitTests.Security;

public sealed class SystemScopeTests
{
    [Fact]
    public async Task A_scope_flows_into_awaited_work_and_ends_on_dispose()
    {
        Assert.False(SystemScope.IsActive);

        using (SystemScope.Begin())
        {
            await Task.Yield();
            Assert.True(await Task.Run(() => SystemScope.IsActive));
        }

        Assert.False(SystemScope.IsActive);
    }

    [Fact]
    public async Task A_scope_begun_inside_an_async_call_does_not_leak_to_its_caller()
    {
        await BeginWithoutEndingAsync();

        Assert.False(SystemScope.IsActive);
    }

    [Fact]
    public void Nested_scopes_end_in_order()
    {
        using var outer = SystemScope.Begin();
        using (SystemScope.Begin())
            Assert.True(SystemScope.IsActive);

        Assert.True(SystemScope.IsActive);
        outer.Dispose();
        Assert.False(SystemScope.IsActive);
    }

    private static async Task BeginWithoutEndingAsync()
    {
        await Task.Yield();
        SystemScope.Begin();
        Assert.True(SystemScope.IsActive);
    }
}
