using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace SoftTargets.Tests;

/// <summary>Settings every test host shares.</summary>
public static class TestHosts
{
    /// <summary>
    /// One PBKDF2 iteration instead of the production hundred thousand: every seeded account and every
    /// sign-in in a test host hashes in microseconds. The stored hash names its own iteration count, so
    /// nothing is re-hashed on sign-in. Test hosts only; the app keeps Identity's default.
    /// </summary>
    public static void UseCheapPasswordHashing(IServiceCollection services) =>
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1);

    /// <summary>A loopback port nobody listens on now, for a test host on real Kestrel.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
