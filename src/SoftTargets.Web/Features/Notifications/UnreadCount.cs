namespace SoftTargets.Web.Features.Notifications;

/// <summary>Tells the top bar's bell (one per circuit) that the notifications page marked something read.</summary>
public sealed class UnreadCount
{
    public event Func<Task>? Changed;

    public Task ChangedAsync() => Changed?.Invoke() ?? Task.CompletedTask;
}
