using Microsoft.AspNetCore.Identity;
using SoftTargets.Core.Domain.Users;

namespace SoftTargets.Web.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        // Signing out deletes the server-side session, so a copy of the cookie is worthless afterwards.
        app.MapPost("/account/logout", async (SignInManager<ApplicationUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return Results.LocalRedirect("/account/login");
            })
            .RequireAuthorization(Policies.SignedIn);
        app.MapAntiforgeryToken();
    }
}
