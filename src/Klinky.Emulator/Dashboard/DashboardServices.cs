using Klinky.Emulator.Security;
using Klinky.Emulator.Storage;

namespace Klinky.Emulator.Dashboard;

/// <summary>The dashboard's services, and the request log the API's gate writes for it.</summary>
internal static class DashboardServices
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSingleton<RequestLog>();
        services.AddSingleton<DashboardKeys>();
        services.AddSingleton<DashboardSessions>();
        services.AddSingleton<LiveFragments>();
        services.AddSingleton<TrafficReset>();
        services.AddSingleton<DashboardSimulations>();
        services.AddSingleton<LiveFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveFeed>());
        return services;
    }
}
