using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Marketplace.Pages.Shared;

/// <summary>A one-time notice that survives a redirect (post, redirect, get); the layout shows it once.</summary>
public static class FlashMessage
{
    public const string Key = "flash";

    public static void Flash(this ITempDataDictionary tempData, string message) => tempData[Key] = message;
}
