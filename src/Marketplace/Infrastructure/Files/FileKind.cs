namespace Marketplace.Infrastructure.Files;

/// <summary>
/// The kinds of product file we accept, each recognised by its content: documents and books, archives, images,
/// audio, video and fonts, the digital goods the marketplace sells. Anything else is sold inside a ZIP.
/// </summary>
public enum FileKind { Pdf, Zip, Epub, Png, Jpeg, Gif, Webp, Mp3, Wav, Flac, Ogg, Mp4, Ttf, Otf, Woff, Woff2 }

/// <summary>What each <see cref="FileKind"/> is called, served as and named, and the file name endings it answers to.</summary>
public static class FileKinds
{
    /// <summary>The allow-list as a person reads it, for refusal messages.</summary>
    public const string Accepted = "PDF, EPUB, ZIP, PNG, JPEG, GIF, WebP, MP3, WAV, FLAC, Ogg, MP4, TTF, OTF, WOFF or WOFF2";

    /// <param name="Name">What a person calls it, with its article ("an EPUB book").</param>
    /// <param name="ContentType">What it is served as.</param>
    /// <param name="Extension">The canonical extension, with its dot.</param>
    /// <param name="Extensions">Every ending a file of this kind may have (the canonical one first).</param>
    public sealed record Description(string Name, string ContentType, string Extension, IReadOnlyList<string> Extensions);

    private static readonly Dictionary<FileKind, Description> Descriptions = new()
    {
        [FileKind.Pdf] = new("a PDF", "application/pdf", ".pdf", [".pdf"]),
        [FileKind.Zip] = new("a ZIP archive", "application/zip", ".zip", [".zip"]),
        // An EPUB is a ZIP: one named .zip is still what it says.
        [FileKind.Epub] = new("an EPUB book", "application/epub+zip", ".epub", [".epub", ".zip"]),
        [FileKind.Png] = new("a PNG image", "image/png", ".png", [".png", ".apng"]),
        [FileKind.Jpeg] = new("a JPEG image", "image/jpeg", ".jpg", [".jpg", ".jpeg", ".jpe", ".jfif"]),
        [FileKind.Gif] = new("a GIF image", "image/gif", ".gif", [".gif"]),
        [FileKind.Webp] = new("a WebP image", "image/webp", ".webp", [".webp"]),
        [FileKind.Mp3] = new("an MP3 file", "audio/mpeg", ".mp3", [".mp3"]),
        [FileKind.Wav] = new("a WAV file", "audio/wav", ".wav", [".wav", ".wave"]),
        [FileKind.Flac] = new("a FLAC file", "audio/flac", ".flac", [".flac"]),
        [FileKind.Ogg] = new("an Ogg file", "audio/ogg", ".ogg", [".ogg", ".oga", ".ogv", ".opus"]),
        [FileKind.Mp4] = new("an MP4 file", "video/mp4", ".mp4", [".mp4", ".m4v", ".m4a", ".m4b", ".mov"]),
        // TrueType outlines in an .otf and CFF outlines in a .ttf are both common mislabellings, never an attack.
        [FileKind.Ttf] = new("a TrueType font", "font/ttf", ".ttf", [".ttf", ".ttc", ".otf"]),
        [FileKind.Otf] = new("an OpenType font", "font/otf", ".otf", [".otf", ".ttf"]),
        [FileKind.Woff] = new("a WOFF font", "font/woff", ".woff", [".woff"]),
        [FileKind.Woff2] = new("a WOFF2 font", "font/woff2", ".woff2", [".woff2"]),
    };

    /// <summary>
    /// Endings of programs, scripts and pages a browser or a desktop would run or render: whatever the content, a
    /// file named like this is not passed on to buyers under that name.
    /// </summary>
    private static readonly HashSet<string> RefusedExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".exe", ".dll", ".com", ".bat", ".cmd", ".msi", ".msp", ".scr", ".pif", ".cpl", ".lnk", ".reg", ".ps1", ".psm1",
        ".vbs", ".vbe", ".js", ".jse", ".mjs", ".wsf", ".wsh", ".hta", ".jar", ".apk", ".app", ".dmg", ".pkg", ".deb",
        ".rpm", ".appimage", ".sh", ".bash", ".zsh", ".csh", ".ksh", ".command", ".run", ".bin", ".elf", ".so", ".dylib",
        ".py", ".pl", ".rb", ".php", ".phtml", ".asp", ".aspx", ".jsp", ".cgi", ".html", ".htm", ".xhtml", ".shtml",
        ".svg", ".svgz", ".xml",
    };

    private static readonly Dictionary<string, FileKind> KindsByExtension = Descriptions
        .SelectMany(pair => pair.Value.Extensions.Select((extension, index) => (extension, kind: pair.Key, canonical: index == 0)))
        .OrderByDescending(item => item.canonical) // .otf names an OpenType font, though a TrueType one may wear it
        .GroupBy(item => item.extension, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(group => group.Key, group => group.First().kind, StringComparer.OrdinalIgnoreCase);

    public static Description Of(FileKind kind) => Descriptions[kind];

    /// <summary>
    /// Why a file whose content is <paramref name="kind"/> may not carry <paramref name="fileName"/>, or null when it
    /// may: its ending is unknown, absent, or one this kind answers to.
    /// </summary>
    public static string? NameMismatch(FileKind kind, string fileName)
    {
        var extension = Path.GetExtension(fileName);
        var description = Of(kind);
        if (RefusedExtensions.Contains(extension))
        {
            return $"The file's name ends in {extension.ToLowerInvariant()}, which we do not accept for a product file; " +
                $"its content is {description.Name}, so name it {description.Extension}.";
        }

        return KindsByExtension.TryGetValue(extension, out var named) && !description.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase)
            ? $"The file is named like {Of(named).Name} ({extension.ToLowerInvariant()}) but is {description.Name}; " +
                $"rename it to {description.Extension} or upload the right file."
            : null;
    }
}
