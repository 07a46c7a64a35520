using Microsoft.AspNetCore.SignalR;
using Marketplace.Features.Accounts.Admin;
using Marketplace.Infrastructure.Modules;
using Marketplace.Infrastructure.Seeding;
using Marketplace.Infrastructure.Web;
using Marten;
using Marten.Schema;
using Microsoft.AspNetCore.Identity;
using Wolverine;

namespace Marketplace.Features.Accounts;

/// <summary>Accounts: Identity on Marten, sign-in by cookie or bearer token, roles, two-factor, account email.</summary>
public sealed class AccountsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<HubSessions>();
        services.AddHostedService<HubSessionRevalidator>();
        services.Configure<HubOptions>(options => options.AddFilter<HubSessions>());
        services.AddIdentityCore<UserAccount>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = null!; // the user name is the email; the validator checks that
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorCodes.ProviderName;
            })
            .AddUserStore<UserStore>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorCodes>(OneTimeAuthenticatorCodes.ProviderName)
            .AddClaimsPrincipalFactory<AccountClaimsFactory>();
        services.Configure<DataProtectionTokenProviderOptions>(options =>
            options.TokenLifespan = configuration.GetValue("Accounts:TokenLifespan", TimeSpan.FromHours(2)));
        services.AddMarketplaceAuthentication();
        services.AddMemoryCache();
        services.AddSingleton<SecurityStampCache>();
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<TokenService>();
        services.AddScoped<AccountMailer>();
        services.AddScoped<SignInCheck>();
        services.AddDemoData<DemoAccounts>();
        // Identity's managers are built from the container at run time; Wolverine's generated handlers must ask for them.
        services.ConfigureWolverine(options =>
        {
            options.CodeGeneration.AlwaysUseServiceLocationFor<UserManager<UserAccount>>();
            options.CodeGeneration.AlwaysUseServiceLocationFor<AccountMailer>();
        });
        services.AddHostedService<ConfiguredAdmin>();
        services.AddHostedService<HandleBackfill>();
        services.ConfigureMarten(options =>
        {
            options.Schema.For<UserAccount>()
                .UniqueIndex(UniqueIndexType.Computed, "ux_user_account_email", x => x.NormalizedEmail!)
                .Index(x => x.NormalizedUserName!)
                .Index(x => x.CreatedAt) // the admin dashboard's new members, the users page's order
                .UniqueIndex(UniqueIndexType.Computed, MemberHandles.UniqueIndexName, x => x.NormalizedHandle!)
                .UseOptimisticConcurrency(true);
            options.Schema.For<RefreshToken>()
                .Identity(x => x.Id)
                .Index(x => x.UserId)
                .Index(x => x.FamilyId)
                .UseOptimisticConcurrency(true);
        });
    }

    public void UseMiddleware(IApplicationBuilder app)
    {
        app.UseMiddleware<SecurityStampCheck>();
        app.UseMiddleware<CrossSiteRequestCheck>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        // Valid requests count against the auth window; an empty or malformed one is told so without being counted.
        var auth = app.MapApi("/auth", "Accounts")
            .WithMetadata(new CountedOnceValidAttribute(RateLimiting.Auth), new ExpensiveWorkAttribute(), new AllowedWhileSuspendedAttribute());
        Register.Map(auth);
        Login.Map(auth);
        Refresh.Map(auth);
        Logout.Map(auth);
        ConfirmEmail.Map(auth);
        ResendConfirmation.Map(auth);
        ForgotPassword.Map(auth);
        ResetPassword.Map(auth);

        GetMe.Map(app.MapApi("", "Accounts").RequireAuthorization(Policies.Member));

        var account = app.MapApi("/account", "Accounts").RequireAuthorization(Policies.Member).WithMetadata(new ExpensiveWorkAttribute(), new AllowedWhileSuspendedAttribute());
        ChangePassword.Map(account);
        ChangeDisplayName.Map(account);
        ChangeHandle.Map(account);
        SignOutEverywhere.Map(account);
        DeleteAccount.Map(account);
        TwoFactor.Map(account);

        SearchMembers.Map(app.MapApi("/members", "Accounts").RequireAuthorization(Policies.Member));

        var admin = app.MapApi("/admin/users", "Admin").RequireAuthorization(Policies.Admin);
        ListUsers.Map(admin);
        ModeratorRole.Map(admin);
    }
}
