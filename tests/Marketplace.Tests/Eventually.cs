namespace Marketplace.Tests;

/// <summary>Waits for work the app finishes in the background (queued handlers, webhook deliveries).</summary>
public static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still not done after {seconds} s; last value: {value}");
            }

            await Task.Delay(100);
        }
    }
}
