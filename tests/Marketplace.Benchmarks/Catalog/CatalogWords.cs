namespace Marketplace.Benchmarks.Catalog;

/// <summary>
/// The vocabulary of the seeded catalog: what digital goods are called and described with. Words are drawn with
/// Zipf-like weights (the k-th word of a list about 1/k as often as the first), so, as in a real catalog, a few words
/// are in thousands of products and most in a handful; search queries are then drawn from the same lists.
/// </summary>
public static class CatalogWords
{
    public static readonly string[] Kinds =
    [
        "Icons", "Fonts", "Brushes", "Textures", "Presets", "Templates", "Mockups", "Patterns", "Illustrations", "Wallpapers",
        "Sound Effects", "Loops", "Sample Pack", "Shaders", "3D Models", "UI Kit", "Stickers", "Lightroom Presets", "Photoshop Actions",
        "Procreate Brushes", "Vector Shapes", "Notion Template", "Spreadsheet", "Planner", "E-book", "Course", "Sprite Sheet",
        "Tileset", "LUTs", "Typeface", "Logo Kit", "Email Templates", "Slide Deck", "Paper Pack", "Clip Art", "Overlays",
        "Color Palettes", "Grain Pack", "Map Pack", "Sheet Music",
    ];

    public static readonly string[] Adjectives =
    [
        "Minimal", "Vintage", "Retro", "Hand-drawn", "Modern", "Rustic", "Bold", "Soft", "Neon", "Pastel", "Grainy", "Geometric",
        "Organic", "Playful", "Elegant", "Cozy", "Brutalist", "Whimsical", "Moody", "Cinematic", "Botanical", "Nautical", "Gothic",
        "Cyberpunk", "Lo-fi", "Analog", "Isometric", "Watercolor", "Ink", "Charcoal", "Pixel", "Glitch", "Monochrome", "Sunny",
        "Nordic", "Tropical", "Desert", "Alpine", "Urban", "Victorian", "Art Deco", "Bauhaus", "Psychedelic", "Dreamy", "Haunted",
        "Celestial", "Industrial", "Coastal", "Autumn", "Winter", "Spring", "Summer", "Festive", "Spooky", "Scandinavian",
        "Japanese", "Mediterranean", "Folk", "Tribal", "Baroque", "Futuristic", "Handmade", "Weathered", "Crisp", "Rough",
        "Delicate", "Chunky", "Condensed", "Rounded", "Slab", "Serif", "Sans", "Script", "Stencil", "Outline", "Duotone",
        "Gradient", "Matte", "Glossy", "Risograph",
    ];

    public static readonly string[] Subjects =
    [
        "Flowers", "Leaves", "Mountains", "Ocean", "City", "Forest", "Animals", "Birds", "Cats", "Dogs", "Food", "Coffee", "Travel",
        "Space", "Planets", "Stars", "Robots", "Dinosaurs", "Monsters", "Castles", "Cars", "Trains", "Bicycles", "Weather", "Clouds",
        "Fruit", "Vegetables", "Kitchen", "Office", "School", "Music", "Sports", "Football", "Yoga", "Fitness", "Medical", "Science",
        "Chemistry", "Finance", "Crypto", "Business", "Wedding", "Birthday", "Christmas", "Halloween", "Easter", "Baby", "Kids",
        "Fantasy", "Dragons", "Wizards", "Pirates", "Ninjas", "Samurai", "Vikings", "Mushrooms", "Cactus", "Succulents", "Roses",
        "Tulips", "Sunflowers", "Butterflies", "Bees", "Insects", "Fish", "Whales", "Sharks", "Horses", "Farm", "Garden", "Camping",
        "Hiking", "Surfing", "Skateboard", "Gaming", "Arcade", "Cards", "Chess", "Books", "Letters", "Numbers", "Alphabet",
        "Arrows", "Badges", "Frames", "Borders", "Ribbons", "Labels", "Maps", "Compass", "Anchors", "Lighthouses", "Boats", "Ships",
        "Architecture", "Interiors", "Furniture", "Plants", "Jungle", "Savanna", "Arctic", "Volcano", "Caves", "Crystals", "Gems",
        "Skulls", "Tattoo", "Graffiti", "Comics", "Manga", "Portraits", "Hands", "Eyes", "Faces", "Fashion", "Shoes", "Jewelry",
        "Perfume", "Cosmetics", "Candles", "Tea", "Wine", "Beer", "Cocktails", "Bakery", "Pizza", "Sushi", "Tacos", "Noodles",
    ];

    public static readonly string[] Tags =
    [
        "icons", "fonts", "brushes", "textures", "presets", "templates", "mockups", "patterns", "illustration", "wallpaper", "audio",
        "music", "3d", "ui", "web", "print", "branding", "social-media", "instagram", "photography", "procreate", "photoshop",
        "illustrator", "figma", "blender", "unity", "godot", "game-assets", "pixel-art", "vector", "svg", "png", "commercial-use",
        "personal-use", "free", "bundle", "seamless", "hand-lettering", "calligraphy", "sci-fi", "fantasy", "vintage", "retro",
        "minimal", "kids", "education", "productivity", "planner", "notion", "excel", "presentation", "video", "lut", "film",
        "synth", "drums", "ambient", "foley", "cinematic", "packaging",
    ];

    /// <summary>Plain words for descriptions, most common first.</summary>
    public static readonly string[] Prose =
    [
        "every", "file", "includes", "high", "resolution", "ready", "use", "design", "project", "easy", "edit", "layers", "colors",
        "layout", "perfect", "quality", "creative", "clean", "professional", "simple", "unique", "original", "detailed", "custom",
        "editable", "scalable", "lightweight", "print", "screen", "social", "posts", "stories", "posters", "flyers", "cards",
        "invitations", "covers", "banners", "logos", "packaging", "merchandise", "apparel", "websites", "apps", "games", "videos",
        "podcasts", "streams", "thumbnails", "presentations", "reports", "newsletters", "zines", "journals", "notebooks",
        "scrapbooks", "classrooms", "workshops", "studios", "agencies", "freelancers", "makers", "hobbyists", "beginners", "experts",
        "weekend", "deadline", "workflow", "shortcut", "texture", "grain", "stroke", "pressure", "tilt", "opacity", "blend",
        "shadow", "highlight", "contrast", "saturation", "warmth", "tone", "mood", "atmosphere", "depth", "rhythm", "tempo",
        "loop", "stem", "chord", "melody", "bassline", "reverb", "tape", "vinyl", "crackle", "hiss", "wobble", "shimmer", "sparkle",
        "glow", "dust", "scratch", "fold", "crease", "stain", "splatter", "wash", "bleed", "speckle", "halftone", "engraving",
        "woodcut", "linocut", "lithograph", "gouache", "pastel", "crayon", "marker", "pencil", "graphite", "sepia", "cyanotype",
        "polaroid", "kodachrome", "ektachrome", "anamorphic", "bokeh", "flare", "vignette", "kerning", "ligatures", "glyphs",
        "weights", "italics", "alternates", "swashes", "numerals", "diacritics", "multilingual", "variable", "opentype", "webfont",
        "license", "lifetime", "updates", "support", "tutorial", "guide", "instructions", "bonus", "extras", "swatches",
    ];

    /// <summary>An index into a list of <paramref name="count"/> words, the k-th about 1/k as likely as the first.</summary>
    public static int Zipf(Random random, int count)
    {
        // inverse of the continuous 1/x distribution on [1, count + 1)
        var index = (int)Math.Floor(Math.Pow(count + 1, random.NextDouble())) - 1;
        return Math.Clamp(index, 0, count - 1);
    }

    public static string Pick(Random random, string[] words) => words[Zipf(random, words.Length)];

    /// <summary>
    /// Candidate search queries: single words of every list (as a visitor types them, lowercase, each matching as a
    /// prefix), and pairs of an adjective and a kind or a subject. The harness keeps those whose match counts spread
    /// from thousands down to a few.
    /// </summary>
    public static IEnumerable<string> CandidateQueries()
    {
        foreach (var word in Kinds.Concat(Adjectives).Concat(Subjects).Concat(Tags).Concat(Prose))
        {
            yield return word.ToLowerInvariant();
        }

        foreach (var adjective in Adjectives.Take(12))
        {
            yield return $"{adjective} {Kinds[Adjectives.AsSpan().IndexOf(adjective) % Kinds.Length]}".ToLowerInvariant();
            yield return $"{adjective} {Subjects[Adjectives.AsSpan().IndexOf(adjective) % Subjects.Length]}".ToLowerInvariant();
        }
    }
}
