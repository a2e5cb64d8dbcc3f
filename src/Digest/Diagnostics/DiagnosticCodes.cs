namespace Digest.Diagnostics;

/// <summary>Stable diagnostic codes, listed in README. Tests assert codes, not wording.</summary>
public static class DiagnosticCodes
{
    // DG1xxx: content (front matter and articles)
    public const string MissingFrontMatter = "DG1001";
    public const string UnclosedFrontMatter = "DG1002";
    public const string YamlSyntax = "DG1003";
    public const string MissingTitle = "DG1004";
    public const string MissingDate = "DG1005";
    public const string InvalidDate = "DG1006";
    public const string WrongType = "DG1007";
    public const string InvalidSlug = "DG1008";
    public const string DuplicateUrl = "DG1009";
    public const string EmptyFile = "DG1010";
    public const string NotUtf8 = "DG1011";
    public const string FileTooLarge = "DG1013";
    public const string InvalidUrl = "DG1015";

    // DG11xx: hostile or damaged content (issue 15)
    public const string DateOutOfRange = "DG1101";
    public const string InvalidFileNameDate = "DG1102";
    public const string BinaryFile = "DG1103";
    public const string ControlCharacters = "DG1104";
    public const string YamlTooComplex = "DG1105";
    public const string MarkdownTooDeep = "DG1106";

    // DG12xx: front matter that says something other than the author meant (issue 19)
    public const string UnknownFrontMatterKey = "DG1201";
    public const string UnlistedCategory = "DG1202";

    // DG13xx: languages and translations (issue 19)
    public const string UnknownLanguage = "DG1301";
    public const string MissingTranslationSource = "DG1302";

    // DG21xx: limits on what one article can make, and feeds (issue 15)
    public const string TooManyTags = "DG2101";
    public const string TooManyCategories = "DG2102";


    // DG3xxx: templates
    public const string UnknownLayout = "DG3001";
    public const string TemplateSyntax = "DG3002";
    public const string TemplateRuntime = "DG3003";
    public const string MissingTemplate = "DG3004";
    public const string InvalidUiStrings = "DG3005";

    // DG4xxx: site settings and links
    public const string UnknownSetting = "DG4001";
    public const string InvalidSetting = "DG4002";
    public const string SettingsSyntax = "DG4003";

    // DG41xx: checks of a built site (digest check)
    public const string BrokenLink = "DG4101";
    public const string MissingFragment = "DG4102";
    public const string OutsideBasePath = "DG4103";
    public const string RelativeLinkInNotFoundPage = "DG4104";
    public const string DuplicateId = "DG4105";
    public const string MalformedHtml = "DG4106";
    public const string UnreadableFeed = "DG4107";
    public const string NothingToCheck = "DG4108";
    public const string InvalidJsonLd = "DG4109";

    // DG43xx: checks of the links in a built site (digest check)
    public const string DanglingLink = "DG4301";
    public const string CheckedLinkLoop = "DG4302";

    // DG42xx: publishing to a branch (digest publish)
    public const string NotAGitRepository = "DG4201";
    public const string MissingRemote = "DG4202";
    public const string PushRejected = "DG4203";
    public const string GitFailed = "DG4204";
    public const string InvalidPublishBranch = "DG4205";
    public const string PublishBranchIsSource = "DG4206";
    public const string LinkOutsideOutput = "DG4207";
    public const string LocalOrExampleBaseUrl = "DG4208";
    public const string CnameMismatch = "DG4209";
    public const string UncommittedSources = "DG4210";

    // DG44xx: the search index (search: true)
    public const string SearchToolMissing = "DG4401";
    public const string SearchIndexFailed = "DG4402";

    // DG50xx: digest import
    public const string ImportUnreadable = "DG5001";
    public const string ImportTooLarge = "DG5002";
    public const string ImportNotText = "DG5003";
    public const string ImportNoTitle = "DG5004";
    public const string ImportEncodingGuessed = "DG5005";
    public const string ImportBadFeed = "DG5006";
    public const string ImportFetchFailed = "DG5007";
    public const string ImportDuplicate = "DG5008";
    public const string ImportNoDate = "DG5009";
    public const string ImportWriteFailed = "DG5010";

    // DG9xxx: IO and command line
    public const string IoError = "DG9001";
    public const string UsageError = "DG9002";
    public const string SiteNotFound = "DG9003";
    public const string BuildLocked = "DG9004";
    public const string WouldOverwrite = "DG9006";
    public const string FolderLinkLoop = "DG9007";

    // DG91xx: the build cache
    public const string CacheDamaged = "DG9101";

    // DG92xx: the preview
    public const string PreviewAddressUnavailable = "DG9201";
    public const string BuildCrashed = "DG9202";

    // DG93xx: the output folder
    public const string DangerousOutput = "DG9301";
    public const string OutputWriteFailed = "DG9302";
    public const string CacheFolderUnusable = "DG9303";
    public const string ForeignOutput = "DG9304";
    public const string OutputTooLarge = "DG9305";
    public const string OutputClash = "DG9306";

    // DG94xx: symbolic links and the preview's safety
    public const string LinkOutsideSite = "DG9401";
    public const string PreviewReachableFromNetwork = "DG9402";
    public const string MisdirectedRequest = "DG9403";
}
