
namespace Digest.Templates;

/// <param name="Key">Hash of every theme file and the tool: part of every page's fingerprint.</param>
internal sealed record LoadedTemplates(TemplateLibrary Library, UInt128 Key);
