using Marketplace.Features.Accounts;
using Marketplace.Features.Forum.Markdown;
using Marketplace.Features.Forum.Notifications;
using Marketplace.Features.Forum.Presence;
using Marketplace.Infrastructure.Modules;
using Marketplace.Infrastructure.Seeding;
using Marketplace.Infrastructure.Web;
using Marten;
using StackExchange.Redis;

namespace Marketplace.Features.Forum;

/// <summary>
/// The community forum: categories, threads, posts, votes, and live updates over <c>/hubs/forum</c>. With
/// <c>ConnectionStrings:Redis</c> the hub's groups span every node through the Redis backplane, and presence counts
/// every node's readers; without, one node.
/// </summary>
public sealed class ForumModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR();
        services.AddSingleton<ForumPresence>();
        var redis = configuration.GetConnectionString("Redis");
        if (!string.IsNullOrWhiteSpace(redis))
        {
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = RedisChannel.Literal("marketplace"));
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(RedisOptions(redis)));
            services.AddSingleton<RedisPresence>();
            services.AddSingleton<IPresenceStore>(sp => sp.GetRequiredService<RedisPresence>());
            services.AddHostedService<PresenceHeartbeat>();
        }
        else
        {
            services.AddSingleton<IPresenceStore>(sp => sp.GetRequiredService<ForumPresence>());
        }

        services.AddSingleton<ForumMarkdown>();
        services.AddSingleton<PresenceBroadcaster>();
        services.AddDemoData<ForumDemoData>();
        services.AddPostingLimits(configuration);
        services.AddForumNotifications(configuration);
        services.ConfigureMarten(options =>
        {
            options.Schema.For<ForumCategory>().UniqueIndex(x => x.Slug);
            options.Schema.For<ForumThread>().Index(x => x.CategoryId).Index(x => x.LastPostAt).UseOptimisticConcurrency(true)
                .FullTextIndex("english", x => x.Title);
            options.Schema.For<ForumPost>().UniqueIndex(x => x.ThreadId, x => x.Seq).Index(x => x.AuthorId)
                .FullTextIndex("english", x => x.Body);
            options.Schema.For<PostVote>().Identity(x => x.Id).Index(x => x.PostId);
            options.Schema.For<ForumMember>();
            options.Schema.For<PostFlag>().Identity(x => x.Id).Index(x => x.PostId).Index(x => x.MemberId);
            options.Schema.For<PostLike>().Identity(x => x.Id).Index(x => x.PostAuthorId).Index(x => x.MemberId);
            options.Schema.For<PostLikeTally>().Index(x => x.ThreadId);
        });
    }

    private static ConfigurationOptions RedisOptions(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false; // keep trying, as the backplane does, instead of failing the first request
        options.BacklogPolicy = BacklogPolicy.FailFast; // presence is a nicety: while Redis is away, fail at once, count locally
        options.AsyncTimeout = 2000;
        return options;
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        var forum = app.MapApi("/forum", "Forum");
        forum.MapGet("/categories", Categories.ListAsync).WithName("ListForumCategories");
        forum.MapPost("/categories", Categories.CreateAsync).Validate<Categories.CreateRequest>()
            .RequireAuthorization(Policies.Admin).WithName("CreateForumCategory");
        UpdateCategory.Map(forum);
        forum.MapGet("/categories/{categoryId:guid}/threads", Threads.ListForAsync).WithName("ListThreads");
        forum.MapPost("/categories/{categoryId:guid}/threads", Threads.StartAsync).Validate<Threads.StartRequest>()
            .LimitPosting()
            .RequireAuthorization(Policies.Member).WithName("StartThread");
        forum.MapGet("/search", SearchForum.HandleAsync).WithName("SearchForum")
            .WithSummary("Full-text search over thread titles and posts (quotes, or, -word), newest first.");
        forum.MapGet("/threads/{threadId:guid}", Threads.GetAsync).WithName("GetThread")
            .WithSummary("The thread and its visible posts after sequence number `after` (0: all).");
        forum.MapPost("/threads/{threadId:guid}/posts", Posts.ReplyAsync).Validate<Posts.BodyRequest>()
            .LimitPosting()
            .RequireAuthorization(Policies.Member).WithName("ReplyToThread");
        forum.MapPut("/posts/{postId:guid}", Posts.EditAsync).Validate<Posts.BodyRequest>()
            .RequireAuthorization(Policies.Member).WithName("EditPost");
        forum.MapPost("/posts/{postId:guid}/votes", Posts.VoteAsync).Validate<Posts.VoteRequest>()
            .RequireAuthorization(Policies.Member).WithName("VoteOnPost");
        FlagPost.Map(forum);
        LikePost.Map(forum);
        app.MapForumNotifications(forum);

        var moderation = app.MapApi("/moderation/threads", "Moderation").RequireAuthorization(Policies.Moderator);
        moderation.MapPost("/{threadId:guid}/lock", ThreadModeration.LockAsync).WithName("LockThread");
        moderation.MapPost("/{threadId:guid}/unlock", ThreadModeration.UnlockAsync).WithName("UnlockThread");
        PinThread.Map(moderation);
        MoveThread.Map(moderation);
        var posts = app.MapApi("/moderation/posts", "Moderation").RequireAuthorization(Policies.Moderator);
        posts.MapPost("/{postId:guid}/hide", PostModeration.HideAsync).WithName("HidePost");
        posts.MapPost("/{postId:guid}/restore", PostModeration.RestoreAsync).WithName("RestorePost");

        // Suspended members still read live; the hub refuses what they may not do (typing).
        app.MapHub<ForumHub>(ForumHub.Path).WithMetadata(new AllowedWhileSuspendedAttribute());
    }
}
